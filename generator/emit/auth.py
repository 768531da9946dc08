"""Auth planning: the spec's credentials become the client's arguments and security table.

Every string of the spec reaches the code through ``repr`` (values in the
``SECURITY`` table and the calls, checked by ``generator.emit.code``) or the
docstring escaper (the argument docs).
A credential's variable is its ``x-env``, else ``<PACKAGE>_<ARGUMENT>``
(``THINGS_API_KEY``). The arguments come in this order: what one alternative
alone needs, then what every alternative needs (``api_key``, ``token``, then
``service_crn``). An ``x-auth`` exchange adds the arguments of its kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.emit import code, layout
from generator.emit.code import Code, DocText
from generator.ir.model import ClientConfig, Credential

__all__ = ["ArgumentPlan", "AuthPlan", "plan_auth"]

_DOC_WIDTH = 80
IAM = "ibm-cloud-iam"


@dataclass(frozen=True)
class ArgumentPlan:
    name: code.Name
    annotation: str  # what follows the name in the signature: "str | None = None"
    doc: tuple[DocText, ...]  # docstring lines, the first after "name: "

    @property
    def declaration(self) -> Code:
        return code.declaration(f"{self.name}: {self.annotation}")


@dataclass(frozen=True)
class AuthPlan:
    arguments: tuple[ArgumentPlan, ...]
    credentials_expr: Code  # {"api_key": api_key, ...}
    security_expr: Code  # the SECURITY table: Security(schemes=(...), alternatives=(...))
    exchange_call: Code | None  # the statement that sets exchange and fallback_url
    imports: tuple[Code, ...]  # import lines of _client.py the exchange needs
    saved_accounts: Code | None  # the default saved-accounts file, as a literal
    saved_file: str  # the same, as the spec spells it ("" without)
    saved_arguments: tuple[tuple[code.Name, code.Name], ...]  # (argument, SavedAccount attribute)
    saved_doc: tuple[DocText, ...]  # which argument each of the account's values is
    env: tuple[tuple[str, str], ...]  # (variable, what it holds) of every credential
    url_env: code.Name
    iam_url_env: str
    cloud_url_env: str  # the spec's (x-auth): escaped where it lands
    first: tuple[tuple[str, str], ...]  # (argument, variable) of the first alternative
    credentials: tuple[Credential, ...]
    exchange: Credential | None
    required: tuple[str, ...]  # the arguments every alternative needs


def env_prefix(package: str) -> str:
    return package.upper()


def _variables(credential: Credential, package: str) -> tuple[str, ...]:
    return tuple(
        env if env is not None else f"{env_prefix(package)}_{argument.upper()}"
        for argument, env in zip(credential.arguments, credential.env, strict=True)
    )


def label(credential: Credential, argument: str) -> str:
    if credential.label:
        return credential.label
    if credential.kind == "basic":
        return "User name" if argument == credential.arguments[0] else "Password"
    if credential.kind == "bearer":
        return "A bearer token, sent as ``Authorization: Bearer <token>``"
    place = {"header": "header", "query": "query parameter", "cookie": "cookie"}[credential.kind]
    return f"API key, sent as the ``{credential.parameter}`` {place}"


def _doc(text: str) -> tuple[DocText, ...]:
    return code.wrapped(code.docstring(text), _DOC_WIDTH)


def _common(config: ClientConfig) -> set[str]:
    alternatives = [set(a) for a in config.alternatives]
    return set.intersection(*alternatives) if len(alternatives) > 1 else set()


def _ordered(config: ClientConfig) -> list[Credential]:
    common = _common(config)
    own = [c for c in config.credentials if c.scheme not in common]
    return own + [c for c in config.credentials if c.scheme in common]


def plan_auth(config: ClientConfig, package: str) -> AuthPlan:
    credentials = _ordered(config)
    exchange = next((c for c in credentials if c.exchange == IAM), None)
    arguments: list[ArgumentPlan] = []
    env: list[tuple[str, str]] = []
    schemes: list[layout.Node] = []
    for credential in credentials:
        variables = _variables(credential, package)
        for argument, variable in zip(credential.arguments, variables, strict=True):
            text = label(credential, argument)
            text += f" (default: the {variable} environment variable)." if variable else "."
            doc = _doc(text)
            if credential is exchange:
                doc += _doc(
                    "It is exchanged at IBM Cloud IAM for a bearer token, renewed before it expires."
                )
            arguments.append(ArgumentPlan(code.name(argument), "str | None = None", doc))
            if variable:
                env.append((variable, label(credential, argument)))
        schemes.append(_scheme_expr(credential, variables))
    prefix = env_prefix(package)
    iam_url_env = cloud_url_env = saved = ""
    exchange_call: Code | None = None
    imports: list[str] = []
    saved_arguments: tuple[tuple[code.Name, code.Name], ...] = ()
    if exchange is not None:
        options = exchange.options
        iam_url_env = f"{prefix}_IAM_URL"
        cloud_url_env = options.get("cloud-url-env", "")
        names = {a for c in credentials for a in c.arguments}
        instance = options.get("instance", "") if options.get("instance") in names else ""
        instance_env = next(
            (
                v
                for c in credentials
                for a, v in zip(c.arguments, _variables(c, package), strict=True)
                if a == instance
            ),
            "",
        )
        sent = f"``{exchange.parameter}: {exchange.prefix}<key>``"
        arguments.append(
            ArgumentPlan(
                code.name("auth"),
                'Literal["iam", "apikey"] = "iam"',
                _doc(
                    f'``"iam"`` (exchange the API key) or ``"apikey"`` (send {sent}, no exchange).'
                ),
            )
        )
        arguments.append(
            ArgumentPlan(
                code.name("iam_url"),
                "str | None = None",
                _doc(
                    f"The IBM Cloud IAM endpoint (default: {iam_url_env}, else"
                    " https://iam.cloud.ibm.com; a staging CRN's is iam.test.cloud.ibm.com)."
                ),
            )
        )
        calls: list[layout.Node] = [
            layout.Keyed("auth=", "auth"),
            layout.Keyed("iam_url=", "iam_url"),
            layout.Keyed("iam_url_env=", code.literal(iam_url_env)),
            layout.Keyed("instance=", instance or "None"),
            layout.Keyed("instance_env=", code.literal(instance_env)),
        ]
        if cloud_url_env:
            arguments.append(
                ArgumentPlan(
                    code.name("cloud_url"),
                    "str | None = None",
                    _doc(
                        f"The IBM Cloud URL, qiskit-ibm-runtime's ``url`` (default: {cloud_url_env}):"
                        " the base URL is then the service's in the region of the instance's CRN,"
                        " unless base_url= or region= is given."
                    ),
                )
            )
            calls += [
                layout.Keyed("cloud_url=", "cloud_url"),
                layout.Keyed("cloud_url_env=", code.literal(cloud_url_env)),
            ]
        assign = "exchange, fallback_url = "
        setup = layout.source(layout.Call("iam_setup", tuple(calls)), 8, assign)
        exchange_call = code.statement(assign + setup, frozenset({"iam_setup"}))
        imports.append("from ._ibm_cloud import iam_setup")
        if options.get("saved-accounts"):
            saved = options["saved-accounts"]
            imports[-1] = "from ._ibm_cloud import iam_setup, saved_account"
            saved_arguments = ((code.name(exchange.arguments[0]), code.name("token")),)
            if instance:
                saved_arguments += ((code.name(instance), code.name("instance")),)
            if cloud_url_env:
                saved_arguments += ((code.name("cloud_url"), code.name("url")),)
    pairs = [f"``{attribute}`` is ``{argument}``" for argument, attribute in saved_arguments]
    saved_doc = _doc(
        "The account's "
        + ", ".join(pairs[:-1])
        + (" and " if len(pairs) > 1 else "")
        + pairs[-1]
        + "."
        if pairs
        else ""
    )
    first = config.alternatives[0] if config.alternatives else ()
    by_scheme = {c.scheme: c for c in credentials}
    return AuthPlan(
        arguments=tuple(arguments),
        credentials_expr=code.expression(
            layout.source(_credentials(credentials), 12, "credentials=", ",")
        ),
        security_expr=code.expression(
            layout.source(_security(schemes, config.alternatives), 0, "SECURITY = "),
            calls=frozenset({"Security", "Scheme"}),
        ),
        exchange_call=exchange_call,
        imports=code.import_block(imports),
        saved_accounts=code.literal(saved) if saved else None,
        saved_file=saved,
        saved_arguments=saved_arguments,
        saved_doc=saved_doc,
        env=tuple(env),
        url_env=code.name(f"{prefix}_URL"),
        iam_url_env=iam_url_env,
        cloud_url_env=cloud_url_env,
        first=tuple(
            pair
            for name in first
            if name in by_scheme
            for pair in zip(
                by_scheme[name].arguments, _variables(by_scheme[name], package), strict=True
            )
        ),
        credentials=tuple(credentials),
        exchange=exchange,
        required=tuple(a for c in credentials if c.scheme in _common(config) for a in c.arguments),
    )


def _credentials(credentials: list[Credential]) -> layout.Node:
    """``{"api_key": api_key, ...}``: the client's credential arguments by name."""
    items = tuple(
        layout.Keyed(code.dict_key(a), code.name(a)) for c in credentials for a in c.arguments
    )
    return layout.Call("", items, "{}", display=True)


def _security(schemes: list[layout.Node], alternatives: Any) -> layout.Node:
    """``Security(schemes=(Scheme(...), ...), alternatives=(...))``, the schemes one a line."""
    listed = layout.Call("", tuple(schemes), display=True, exploded=len(schemes) > 1)
    chosen = code.literal_node(tuple(tuple(a) for a in alternatives))
    return layout.Call(
        "Security", (layout.Keyed("schemes=", listed), layout.Keyed("alternatives=", chosen))
    )


def _scheme_expr(credential: Credential, variables: tuple[str, ...]) -> layout.Node:
    fields: list[layout.Node] = [
        layout.Keyed("name=", code.literal(credential.scheme)),
        layout.Keyed("kind=", code.literal(credential.kind)),
        layout.Keyed("arguments=", code.literal(tuple(credential.arguments))),
        layout.Keyed("env=", code.literal(tuple(variables))),
    ]
    if credential.parameter:
        fields.append(layout.Keyed("parameter=", code.literal(credential.parameter)))
    if credential.prefix:
        fields.append(layout.Keyed("prefix=", code.literal(credential.prefix)))
    label_text = label(credential, credential.arguments[0])
    fields.append(layout.Keyed("label=", code.literal(label_text)))
    if credential.exchange:
        fields.append(layout.Keyed("exchanged=", "True"))
    return layout.Call("Scheme", tuple(fields))
