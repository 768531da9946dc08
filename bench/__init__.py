"""Benchmarks of the generator and of the generated client against their peers.

One module per concern, each runnable alone (``python -m bench.generation
[--quick]``) and printing its own Markdown section; ``python -m bench.run``
(``make bench``) runs them all and writes ``bench/RESULTS.md``:

    generation  cold `generate` vs openapi-python-client, stage breakdown, black's floor,
                regeneration after a spec update, no-op generate and check
    scale       time and peak memory against spec size (seed, Anthropic, OpenAI, GitHub)
    spec_diff   `generator diff` of two OpenAI-size specs
    parsing     two 5,000-job `list_jobs` bodies vs json.loads, plain pydantic, the peer's models
    calls       per-call overhead against bare httpx on a loopback server, sync (three runs)
                and async
    imports     `import qiskit_runtime_api` vs `import httpx, pydantic`

``--quick`` runs each on a tiny input once, without peers, and judges no target:
``make test`` uses it to check that every script still runs.
"""
