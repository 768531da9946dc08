"""The client against input nobody on the team wrote: hostile arguments and hostile answers.

Each test is one finding of issue 16's client section. The servers are
``httpx.MockTransport`` handlers or ``tests/fakes.py``'s servers on 127.0.0.1.
Errors are asserted through their base classes (``ValueError``, ``APIError``,
``APITimeoutError``) and their messages, so that on the code before the fix each
test fails on its own finding rather than on an import.
"""

from __future__ import annotations

import asyncio
import gzip
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

import qiskit_runtime_api
from qiskit_runtime_api import (
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncClient,
    AuthenticationError,
    BadRequestError,
    Client,
    ResponseValidationError,
)

from .fakes import (
    Delay,
    FakeClock,
    FaultServer,
    Received,
    Reply,
    Trickle,
    iam_script,
    json_reply,
    serve,
)

JOB = {"id": "j1", "status": "Completed", "state": {"status": "Completed"}, "program": {"id": "p"}}
CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/CRN-5ecret-0004::"
API = "https://api.test/api"
IAM = "https://iam.test"
DEEP = b"[" * 1000 + b"]" * 1000  # 2 KB, 1,000 levels


def mock_client(handler: Callable[[httpx.Request], httpx.Response], **options: Any) -> Client:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    options.setdefault("token", "tok-0123456789")
    options.setdefault("service_crn", CRN)  # every alternative of the API's security needs it
    client = Client(base_url=API, http_client=http, **options)
    client._clock = FakeClock()
    return client


def recording(sent: list[httpx.Request]) -> Callable[[httpx.Request], httpx.Response]:
    """``job_answer``, keeping every request in ``sent``."""

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return job_answer(request)

    return handler


def job_answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=JOB)


# -- 1. path parameters that retarget the request ---------------------------------------


@pytest.mark.parametrize("value", [None, "", ".", ".."])
@pytest.mark.parametrize("method", ["delete", "cancel", "get"])
def test_a_path_parameter_that_would_change_the_url_is_refused_before_sending(
    method: str, value: str | None
) -> None:
    sent: list[httpx.Request] = []
    client = mock_client(recording(sent))
    with pytest.raises(ValueError, match=r"path parameter 'job_id' is .*pass the resource's id"):
        getattr(client.jobs, method)(value)
    assert sent == []


def test_a_path_parameter_with_a_slash_stays_one_segment() -> None:
    sent: list[httpx.Request] = []
    client = mock_client(recording(sent))
    client.jobs.get("../../v2/x")
    assert sent[0].url.raw_path == b"/api/v1/jobs/..%2F..%2Fv2%2Fx"


# -- 2. credentials never cross origins ---------------------------------------------------


def redirect_to(target: FaultServer, status: int) -> Callable[[Received], Reply]:
    def answer(request: Received) -> Reply:
        return Reply(status, b"", {"Location": target.url + request.path})

    return answer


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_from_the_service_never_carries_the_credentials_to_another_origin(
    status: int,
) -> None:
    with (
        serve(lambda request: json_reply(JOB)) as elsewhere,
        serve(redirect_to(elsewhere, status)) as service,
        httpx.Client(follow_redirects=True) as http,  # the caller's choice, for its own calls
    ):
        client = Client(
            token="tok-0123456789",
            service_crn=CRN,
            base_url=service.url,
            http_client=http,
            max_retries=0,
        )
        with pytest.raises(APIStatusError, match="not followed") as caught:
            client.jobs.get("j1")
    assert elsewhere.requests() == []
    assert caught.value.status_code == status and len(service.requests()) == 1


def test_a_redirect_from_iam_never_sends_the_api_key_to_another_origin() -> None:
    with (
        serve(iam_script()) as elsewhere,
        serve(lambda request: json_reply(JOB)) as service,
        serve(redirect_to(elsewhere, 307)) as iam,
        httpx.Client(follow_redirects=True) as http,
    ):
        client = Client(
            service_crn=CRN,
            api_key="good-key",
            iam_url=iam.url,
            base_url=service.url,
            http_client=http,
        )
        with pytest.raises(APIStatusError, match=r"IBM Cloud IAM.*not followed"):
            client.jobs.get("j1")
    assert elsewhere.requests() == [] and service.requests() == []
    assert len(iam.requests()) == 1


def test_a_path_template_that_would_leave_the_configured_origin_is_refused() -> None:
    """``base_url + path`` with a hostile path from a spec, ``@evil.test/v1``, parses as
    host evil.test: the client compares the parsed origins before sending credentials."""
    from qiskit_runtime_api._endpoint import Endpoint

    sent: list[httpx.Request] = []
    client = mock_client(recording(sent))
    client = client.with_options()
    client._settings = client._settings.with_changes(base_url="https://api.test")
    hostile = Endpoint("x", "GET", "@evil.test/v1", "application/json", {}, {}, security=(("b",),))
    with pytest.raises(ValueError, match="is outside"):
        client._call(hostile, {})
    assert sent == []


# -- 3. deep nesting --------------------------------------------------------------------


def test_a_deeply_nested_success_body_is_a_response_validation_error() -> None:
    client = mock_client(lambda request: httpx.Response(200, content=DEEP))
    with pytest.raises(ResponseValidationError, match="nested deeper than 200 levels"):
        client.jobs.get("j1")


def test_a_deeply_nested_error_body_is_the_status_error_with_the_body_as_text() -> None:
    client = mock_client(lambda request: httpx.Response(400, content=DEEP))
    with pytest.raises(BadRequestError) as caught:
        client.jobs.get("j1")
    assert caught.value.body == DEEP.decode()


@pytest.mark.parametrize("status", [200, 400])
def test_a_deeply_nested_iam_answer_is_an_authentication_error(status: int) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "iam.test":
            return httpx.Response(status, content=DEEP)
        return job_answer(request)

    client = mock_client(handler, token=None, api_key="good-key", iam_url=IAM)
    with pytest.raises(AuthenticationError, match="IBM Cloud IAM"):
        client.jobs.get("j1")


# -- 4. body size -----------------------------------------------------------------------

MIB = 1024 * 1024


class CountingStream(httpx.SyncByteStream):
    """64 KiB chunks, ``total`` bytes in all, counting how many were pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pulled = 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.total // (64 * 1024)):
            self.pulled += 1
            yield b"x" * (64 * 1024)


def test_the_default_limit_is_100_mib_and_documented() -> None:
    from qiskit_runtime_api._limits import DEFAULT_MAX_RESPONSE_BYTES

    assert DEFAULT_MAX_RESPONSE_BYTES == 100 * MIB
    assert "max_response_bytes" in (Client.__init__.__doc__ or Client.__doc__ or "")


@pytest.mark.parametrize("status", [200, 500])
def test_a_body_past_the_limit_stops_being_read_at_the_limit(status: int) -> None:
    stream = CountingStream(64 * MIB)
    client = mock_client(
        lambda request: httpx.Response(status, stream=stream), max_response_bytes=MIB, max_retries=0
    )
    with pytest.raises(APIError, match=f"more than the limit of {MIB} bytes"):
        client.jobs.get_results("j1")
    assert stream.pulled <= MIB // (64 * 1024) + 1  # 17 of 1,024 chunks read


def test_the_limit_counts_decompressed_bytes_of_a_gzip_body_from_a_local_server() -> None:
    bomb = gzip.compress(b"\0" * 32 * MIB)  # 32 KB on the wire
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    with serve(lambda request: Reply(200, bomb, headers)) as server:
        client = Client(
            service_crn=CRN, token="tok-0123456789", base_url=server.url, max_response_bytes=MIB
        )
        with pytest.raises(APIError, match="more than the limit"):
            client.jobs.get("j1")
        client.close()
    assert len(bomb) < MIB


def test_an_iam_answer_past_the_limit_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "iam.test":
            return httpx.Response(200, stream=CountingStream(8 * MIB))
        return job_answer(request)

    client = mock_client(
        handler, token=None, api_key="good-key", iam_url=IAM, max_response_bytes=MIB
    )
    with pytest.raises(APIError, match="more than the limit"):
        client.jobs.get("j1")


def test_the_limit_is_set_per_client_and_per_call() -> None:
    body = b'"' + b"x" * (2 * MIB) + b'"'
    client = mock_client(lambda request: httpx.Response(200, content=body))
    assert len(client.jobs.get_logs("j1")) > 2 * MIB  # within the default 100 MiB
    with pytest.raises(APIError, match="more than the limit"):
        client.with_options(max_response_bytes=MIB).jobs.get_logs("j1")
    small = mock_client(lambda request: httpx.Response(200, content=body), max_response_bytes=MIB)
    with pytest.raises(APIError, match="more than the limit"):
        small.jobs.get_logs("j1")
    assert len(small.with_options(max_response_bytes=4 * MIB).jobs.get_logs("j1")) > 2 * MIB


# -- 5. an overall deadline -------------------------------------------------------------

TRICKLE = Trickle(json_reply(JOB), interval=0.1)  # ~100 bytes: 10 s to send it all


def test_a_trickling_server_is_cut_off_at_the_deadline() -> None:
    with serve(lambda request: TRICKLE) as server:
        client = Client(
            service_crn=CRN, token="tok-0123456789", base_url=server.url, timeout=1, deadline=0.5
        )
        with pytest.raises(APITimeoutError, match=r"deadline of 0\.5 s passed"):
            client.jobs.get("j1")
        client.close()
    assert len(server.requests()) == 1  # a deadline is not retried


def test_the_async_client_cuts_a_trickling_server_off_at_the_deadline() -> None:
    async def call(url: str) -> None:
        async with AsyncClient(
            service_crn=CRN, token="tok-0123456789", base_url=url, timeout=1
        ) as client:
            await client.with_options(deadline=0.5).jobs.get("j1")

    with (
        serve(lambda request: TRICKLE) as server,
        pytest.raises(APITimeoutError, match=r"deadline of 0\.5 s passed"),
    ):
        asyncio.run(call(server.url))


def test_the_deadline_covers_a_slow_iam_exchange() -> None:
    with serve(lambda request: Trickle(json_reply({"access_token": "t"}), 0.1)) as iam:
        client = Client(
            service_crn=CRN, api_key="good-key", iam_url=iam.url, base_url=iam.url, deadline=0.5
        )
        with pytest.raises(APITimeoutError, match=r"deadline of 0\.5 s passed"):
            client.jobs.get("j1")
        client.close()
    assert len(iam.requests()) == 1


def test_the_iam_exchange_waits_no_longer_than_the_callers_timeout() -> None:
    with serve(lambda request: Delay(1.5, json_reply({"access_token": "t"}))) as iam:
        client = Client(
            service_crn=CRN, api_key="good-key", iam_url=iam.url, base_url=iam.url, max_retries=0
        )
        with pytest.raises(APIError, match=r"could not reach IBM Cloud IAM.*ReadTimeout"):
            client.jobs.get("j1", timeout=0.3)
        client.close()
    assert len(iam.requests()) == 1


def test_the_deadline_covers_the_waits_between_retries() -> None:
    answer = json_reply({"errors": [{"message": "busy"}]}, 503, {"Retry-After": "30"})
    with serve(lambda request: answer) as server:
        client = Client(
            service_crn=CRN, token="tok-0123456789", base_url=server.url, deadline=45, max_retries=5
        )
        clock = client._clock = FakeClock()
        with pytest.raises(APITimeoutError, match="deadline of 45 s passed before retry 2"):
            client.jobs.get("j1")
        client.close()
    assert clock.sleeps == [30.0] and len(server.requests()) == 2


# -- 6. IAM exchanges shared by their waiters -------------------------------------------


def bearer_service(request: Received) -> Reply:
    if not request.headers.get("authorization", "").startswith("Bearer iam-token-"):
        return json_reply({"errors": [{"message": "bad token"}]}, 401)
    return json_reply(JOB)


def gather(calls: int, make: Callable[[], AsyncClient]) -> list[Any]:
    async def run() -> list[Any]:
        async with make() as client:
            client._clock = FakeClock()
            jobs = [client.jobs.get(f"j{n}") for n in range(calls)]
            return await asyncio.gather(*jobs, return_exceptions=True)

    return asyncio.run(run())


def test_a_token_that_expires_at_once_serves_all_its_waiters_with_one_exchange() -> None:
    with serve(iam_script(expires_in=0, delay=0.2)) as iam, serve(bearer_service) as service:
        results = gather(
            200,
            lambda: AsyncClient(
                service_crn=CRN, api_key="good-key", iam_url=iam.url, base_url=service.url
            ),
        )
    assert [getattr(r, "id", r) for r in results] == ["j1"] * 200
    assert len(iam.requests()) == 1


def test_threads_share_an_exchange_whose_token_expires_at_once() -> None:
    with serve(iam_script(expires_in=0, delay=0.5)) as iam, serve(bearer_service) as service:
        client = Client(service_crn=CRN, api_key="good-key", iam_url=iam.url, base_url=service.url)
        start = threading.Barrier(20)

        def call(n: int) -> str:
            start.wait()
            return client.jobs.get(f"j{n}").id

        with ThreadPoolExecutor(max_workers=20) as pool:
            ids = list(pool.map(call, range(20)))
        client.close()
    assert ids == ["j1"] * 20 and len(iam.requests()) == 1


def test_an_iam_outage_costs_one_exchange_and_its_retries_for_all_waiters() -> None:
    outage = json_reply({"errorCode": "BXNIM0500E", "errorMessage": "down"}, 503)
    with serve(lambda request: outage) as iam, serve(bearer_service) as service:
        results = gather(
            200,
            lambda: AsyncClient(
                service_crn=CRN, api_key="good-key", iam_url=iam.url, base_url=service.url
            ),
        )
    assert len(iam.requests()) == 3  # one exchange, retried twice: not 200 x 3
    assert service.requests() == []
    assert all(isinstance(r, APIStatusError) for r in results)
    assert len({id(r) for r in results}) == 1  # the one exchange's error, shared


@pytest.mark.parametrize("token", [None, 123, "", "two words", "line\r\nbreak"])
def test_an_iam_answer_without_a_usable_access_token_is_an_authentication_error(
    token: object,
) -> None:
    answer = json_reply({"access_token": token, "expires_in": 3600})
    with serve(lambda request: answer) as iam, serve(bearer_service) as service:
        client = Client(service_crn=CRN, api_key="good-key", iam_url=iam.url, base_url=service.url)
        with pytest.raises(AuthenticationError, match="without a usable access_token"):
            client.jobs.get("j1")
        client.close()
    assert service.requests() == []  # no "Bearer None" sent


# -- 7. secrets -------------------------------------------------------------------------

API_KEY = "good-KEY-5ecret-0001"
REFRESH = "REFRESH-5ecret-0005"
PASSWORD = "PASSWORD-5ecret-0006"


def iam_answering(answer: Reply) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "iam.test":
            return httpx.Response(answer.status, content=answer.body, headers=answer.headers)
        return job_answer(request)

    return handler


def test_an_iam_answer_without_access_token_keeps_the_refresh_token_out_of_the_error() -> None:
    answer = json_reply({"refresh_token": REFRESH, "token_type": "Bearer"})
    client = mock_client(iam_answering(answer), token=None, api_key=API_KEY, iam_url=IAM)
    with pytest.raises(AuthenticationError) as caught:
        client.jobs.get("j1")
    assert REFRESH not in str(caught.value) and REFRESH not in repr(caught.value.body)
    assert caught.value.body == {"refresh_token": "<redacted>", "token_type": "Bearer"}


def test_an_api_key_echoed_by_iam_is_redacted_in_the_message_and_the_body() -> None:
    echo = {"errorCode": "BXNIM0415E", "errorMessage": f"API key {API_KEY} not found"}
    client = mock_client(
        iam_answering(json_reply(echo, 400)), token=None, api_key=API_KEY, iam_url=IAM
    )
    with pytest.raises(AuthenticationError) as caught:
        client.jobs.get("j1")
    assert API_KEY not in str(caught.value) and API_KEY not in repr(caught.value.body)
    assert caught.value.body["errorMessage"] == "API key <redacted> not found"


def test_the_service_crn_and_a_url_password_never_show_in_logs_messages_or_repr(
    debug_log: None, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    def answer(request: Received) -> Reply:
        if request.path.endswith("/missing"):
            return json_reply({"errors": [{"message": f"no job for {CRN}"}]}, 404)
        return json_reply(JOB)

    with serve(answer) as server, caplog.at_level(logging.DEBUG, logger="qiskit_runtime_api"):
        url = server.url.replace("http://", f"http://user:{PASSWORD}@") + "/api"
        client = Client(token="tok-0123456789", service_crn=CRN, base_url=url)
        client.jobs.get("j1")
        with pytest.raises(APIStatusError) as caught:
            client.jobs.get("missing")
        client.close()
    assert server.requests()[0].headers["service-crn"] == CRN  # it is sent, just never shown
    shown = caplog.text + capfd.readouterr().err + repr(client) + str(caught.value)
    shown += repr(caught.value.body)
    assert "request headers" in caplog.text and "http://<redacted>@127.0.0.1" in repr(client)
    for secret in (CRN, PASSWORD):
        assert secret not in shown


# -- 8. clear errors --------------------------------------------------------------------


@pytest.mark.parametrize("where", ["extra_headers", "default_headers", "service_crn"])
def test_a_header_value_with_a_line_break_is_a_clear_error_that_is_not_retried(
    where: str,
) -> None:
    value = "a\r\nX-Injected: 1"
    name = "Service-CRN" if where == "service_crn" else "X-Tag"
    with serve(lambda request: json_reply(JOB)) as server:
        options: dict[str, Any] = {"service_crn": value if where == "service_crn" else CRN}
        if where == "default_headers":
            options["default_headers"] = {name: value}
        client = Client(token="tok-0123456789", base_url=server.url, **options)
        clock = client._clock = FakeClock()
        extra = {name: value} if where == "extra_headers" else None
        with pytest.raises(ValueError, match=f"header '{name}' contains a line break") as caught:
            client.jobs.get("j1", extra_headers=extra)
        client.close()
    assert "connection failed" not in str(caught.value) and "Injected" not in str(caught.value)
    assert server.requests() == [] and clock.sleeps == []


def test_an_iam_server_error_says_iam_failed_and_is_retried() -> None:
    failing = json_reply({"errorCode": "BXNIM0500E", "errorMessage": "internal"}, 500)
    with serve(lambda request: failing) as iam:
        client = Client(
            service_crn=CRN, api_key="good-key", iam_url=iam.url, base_url=iam.url + "/api"
        )
        clock = client._clock = FakeClock()
        with pytest.raises(APIStatusError) as caught:
            client.jobs.get("j1")
        client.close()
    message = str(caught.value)
    assert "IBM Cloud IAM failed (server error)" in message and "did not accept" not in message
    assert not isinstance(caught.value, AuthenticationError)
    assert len(iam.requests()) == 3 and len(clock.sleeps) == 2


def test_the_new_errors_are_public() -> None:
    for name in ("DeadlineExceededError", "InvalidRequestError", "ResponseTooLargeError"):
        assert name in qiskit_runtime_api.__all__
    assert issubclass(qiskit_runtime_api.InvalidRequestError, ValueError)
    assert issubclass(qiskit_runtime_api.DeadlineExceededError, APITimeoutError)
