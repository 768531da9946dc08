"""Operations tagged 'Jobs'.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal

import httpx

from .. import models, params
from .._base_client import CallOptions
from .._endpoint import Endpoint, Param, ResponseKind
from .._pagination import AsyncPager, OffsetPages, SyncPager
from .._response import async_raw_response, raw_response
from .._waiting import FinalStatus

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncJobs",
    "AsyncJobsWithRawResponse",
    "Jobs",
    "JobsWithRawResponse",
]

_GET = Endpoint(
    operation_id="get_job",
    method="GET",
    path="/v1/jobs/{id}",
    accept="application/json",
    params={
        "job_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "exclude_params": Param(
            "exclude_params", "query", explode=True, deprecated=False, style="form"
        ),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.JobResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_DELETE = Endpoint(
    operation_id="delete_job",
    method="DELETE",
    path="/v1/jobs/{id}",
    accept="application/json",
    params={
        "job_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "204": (ResponseKind.EMPTY, None),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_LIST = Endpoint(
    operation_id="list_jobs",
    method="GET",
    path="/v1/jobs",
    accept="application/json",
    params={
        "limit": Param("limit", "query", explode=True, deprecated=False, style="form"),
        "offset": Param("offset", "query", explode=True, deprecated=False, style="form"),
        "pending": Param("pending", "query", explode=True, deprecated=False, style="form"),
        "program": Param("program", "query", explode=True, deprecated=False, style="form"),
        "backend": Param("backend", "query", explode=True, deprecated=False, style="form"),
        "created_after": Param(
            "created_after", "query", explode=True, deprecated=False, style="form"
        ),
        "created_before": Param(
            "created_before", "query", explode=True, deprecated=False, style="form"
        ),
        "sort": Param("sort", "query", explode=True, deprecated=False, style="form"),
        "tags": Param("tags", "query", explode=True, deprecated=False, style="form"),
        "session_id": Param("session_id", "query", explode=True, deprecated=False, style="form"),
        "exclude_params": Param(
            "exclude_params", "query", explode=True, deprecated=False, style="form"
        ),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.JobsResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_CREATE = Endpoint(
    operation_id="create_job",
    method="POST",
    path="/v1/jobs",
    accept="application/json",
    params={
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
        "parent_job_id": Param(
            "Parent-Job-Id", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.CreateJobResponse),
    },
    body_media_type="application/json",
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=900.0,
)
_GET_RESULTS = Endpoint(
    operation_id="get_job_results_jid",
    method="GET",
    path="/v1/jobs/{id}/results",
    accept="text/plain",
    params={
        "job_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.TEXT, str),
        "204": (ResponseKind.EMPTY, None),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_LOGS = Endpoint(
    operation_id="get_jog_logs_jid",
    method="GET",
    path="/v1/jobs/{id}/logs",
    accept="text/plain",
    params={
        "job_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.TEXT, str),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_CANCEL = Endpoint(
    operation_id="cancel_job_jid",
    method="POST",
    path="/v1/jobs/{id}/cancel",
    accept="application/json",
    params={
        "job_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "parent_job_id": Param(
            "Parent-Job-Id", "header", explode=False, deprecated=False, style="simple"
        ),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "204": (ResponseKind.EMPTY, None),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_METRICS = Endpoint(
    operation_id="get_job_metrics_jid",
    method="GET",
    path="/v1/jobs/{id}/metrics",
    accept="application/json",
    params={
        "job_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.JobMetrics),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_REPLACE_TAGS = Endpoint(
    operation_id="replace_job_tags",
    method="PUT",
    path="/v1/jobs/{id}/tags",
    accept="application/json",
    params={
        "job_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "204": (ResponseKind.EMPTY, None),
    },
    body_media_type="application/json",
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_LIST__PAGES = OffsetPages(items="jobs", limit="limit", offset="offset", total="count")
_GET__FINAL = FinalStatus(
    "status",
    frozenset({"Cancelled", "Cancelled - Ran too long", "Completed", "Failed"}),
    frozenset({"Failed"}),
    frozenset({"Cancelled", "Cancelled - Ran too long"}),
    (
        ("reason", "state/reason"),
        ("reason_code", "state/reason_code"),
        ("reason_solution", "state/reason_solution"),
    ),
)


class Jobs:
    """Operations tagged 'Jobs'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> JobsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return JobsWithRawResponse(self)

    def get(
        self,
        job_id: str,
        *,
        exclude_params: bool | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.JobResponse:
        """List job details

        List the details about the specified quantum program job.

        Args:
            job_id: Identifier of an existing job
            exclude_params: Exclude job params from the response
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs/{id}`` (operationId ``get_job``)
        """
        result: models.JobResponse = self._client._call(
            _GET,
            {
                "job_id": job_id,
                "exclude_params": exclude_params,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def delete(
        self,
        job_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Delete a job

        Delete the specified job and its associated data. Job must be in a terminal state.

        Args:
            job_id: Identifier of an existing job
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``DELETE /v1/jobs/{id}`` (operationId ``delete_job``)
        """
        result: None = self._client._call(
            _DELETE,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def list(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        pending: bool | None = None,
        program: str | None = None,
        backend: str | None = None,
        created_after: datetime.datetime | str | None = None,
        created_before: datetime.datetime | str | None = None,
        sort: Literal["ASC", "DESC"] | None = None,
        tags: Sequence[str] | None = None,
        session_id: str | None = None,
        exclude_params: bool | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.JobsResponse:
        """List jobs

        List the quantum program jobs you have run.

        Args:
            limit: Number of results to return at a time. If the provided value is outside of the viable range, no error occurs and the default value is used instead.
            offset: Number of results to offset when retrieving the list of jobs. If the provided value is outside of the viable range, no error occurs and the default value is used instead.
            pending: Returns 'Queued' and 'Running' jobs if true. Returns 'Completed', 'Cancelled', and 'Failed' jobs if false.
            program: Program ID to filter jobs
            backend: Backend to filter jobs
            created_after: Job created after filter
            created_before: Job created before filter
            sort: Sort jobs by created time ASC or DESC (default)
            tags: Tags to filter jobs
            session_id: Session ID to filter jobs
            exclude_params: Exclude job params from the response
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs`` (operationId ``list_jobs``)
        """
        result: models.JobsResponse = self._client._call(
            _LIST,
            {
                "limit": limit,
                "offset": offset,
                "pending": pending,
                "program": program,
                "backend": backend,
                "created_after": created_after,
                "created_before": created_before,
                "sort": sort,
                "tags": tags,
                "session_id": session_id,
                "exclude_params": exclude_params,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def create(
        self,
        *,
        body: (
            models.CreateJobRequest
            | models.JobRequest
            | models.ChannelPartnerJobRequest
            | params.CreateJobRequestParam
            | None
        ) = None,
        api_version: str | None = None,
        parent_job_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.CreateJobResponse:
        """Run a job

        Invoke a Qiskit Runtime primitive. Note the returned job ID.  You will use it to check the job's status and review results. This request is rate limited to 5 jobs per minute per user.

        Args:
            body: The request body: a model or a dict (``params.CreateJobRequestParam``).
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).
            parent_job_id: Parent job ID

        ``POST /v1/jobs`` (operationId ``create_job``)
        """
        result: models.CreateJobResponse = self._client._call(
            _CREATE,
            {
                "api_version": api_version,
                "parent_job_id": parent_job_id,
            },
            body,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def get_results(
        self,
        job_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> str | None:
        """List job results

        Return the final result from this job.

        Args:
            job_id: A job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs/{id}/results`` (operationId ``get_job_results_jid``)
        """
        result: str | None = self._client._call(
            _GET_RESULTS,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def get_logs(
        self,
        job_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> str:
        """List job logs

        List all job logs for the specified job.

        Args:
            job_id: A job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs/{id}/logs`` (operationId ``get_jog_logs_jid``)
        """
        result: str = self._client._call(
            _GET_LOGS,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def cancel(
        self,
        job_id: str,
        *,
        parent_job_id: str | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Cancel a job

        Cancels the specified job.

        Args:
            job_id: A job ID
            parent_job_id: Parent job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``POST /v1/jobs/{id}/cancel`` (operationId ``cancel_job_jid``)
        """
        result: None = self._client._call(
            _CANCEL,
            {
                "job_id": job_id,
                "parent_job_id": parent_job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def get_metrics(
        self,
        job_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.JobMetrics:
        """Get job metrics

        Gets metrics of specified job

        Args:
            job_id: A job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs/{id}/metrics`` (operationId ``get_job_metrics_jid``)
        """
        result: models.JobMetrics = self._client._call(
            _GET_METRICS,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def replace_tags(
        self,
        job_id: str,
        *,
        body: models.ReplaceJobTagsRequest | params.ReplaceJobTagsRequestParam | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Replace job tags

        Args:
            body: The request body: a model or a dict (``params.ReplaceJobTagsRequestParam``).
            job_id: A job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``PUT /v1/jobs/{id}/tags`` (operationId ``replace_job_tags``)
        """
        result: None = self._client._call(
            _REPLACE_TAGS,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            body,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def list_all(
        self,
        *,
        pending: bool | None = None,
        program: str | None = None,
        backend: str | None = None,
        created_after: datetime.datetime | str | None = None,
        created_before: datetime.datetime | str | None = None,
        sort: Literal["ASC", "DESC"] | None = None,
        tags: Sequence[str] | None = None,
        session_id: str | None = None,
        exclude_params: bool | None = None,
        api_version: str | None = None,
        page_size: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> SyncPager[models.JobResponse, models.JobsResponse]:
        """Every item of :meth:`list`, across pages, fetched as the iteration needs them.

        Args:
            page_size: items per page (sent as ``limit``)
            pending: Returns 'Queued' and 'Running' jobs if true. Returns 'Completed', 'Cancelled', and 'Failed' jobs if false.
            program: Program ID to filter jobs
            backend: Backend to filter jobs
            created_after: Job created after filter
            created_before: Job created before filter
            sort: Sort jobs by created time ASC or DESC (default)
            tags: Tags to filter jobs
            session_id: Session ID to filter jobs
            exclude_params: Exclude job params from the response
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).
        """
        pager: SyncPager[models.JobResponse, models.JobsResponse] = self._client._pager(
            _LIST,
            _LIST__PAGES,
            {
                "pending": pending,
                "program": program,
                "backend": backend,
                "created_after": created_after,
                "created_before": created_before,
                "sort": sort,
                "tags": tags,
                "session_id": session_id,
                "exclude_params": exclude_params,
                "api_version": api_version,
            },
            page_size,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return pager

    def wait(
        self,
        job_id: str,
        *,
        exclude_params: bool | None = None,
        api_version: str | None = None,
        max_wait: float | None = None,
        poll_interval: float = 1.0,
        max_interval: float = 10.0,
        raise_on_failure: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        poll_timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> models.JobResponse:
        """Poll :meth:`get` until ``status`` is final (Completed, Failed, Cancelled, Cancelled - Ran too long) and return the last answer.

        The interval starts at ``poll_interval`` seconds and grows by half each poll up to ``max_interval``. Raises ``WaitTimeoutError`` (with the last answer as ``last``) after ``max_wait`` seconds; ``None`` waits as long as it takes. ``poll_timeout`` is each poll's HTTP timeout.

        With ``raise_on_failure=True``, a final status that means failure (Failed) raises ``JobFailedError``, and one that means cancellation (Cancelled, Cancelled - Ran too long) ``JobCancelledError``, each carrying the last answer as ``job`` and the reason it gives.
        """
        result: models.JobResponse = self._client._wait(
            _GET,
            {
                "job_id": job_id,
                "exclude_params": exclude_params,
                "api_version": api_version,
            },
            _GET__FINAL,
            CallOptions(extra_headers=extra_headers, timeout=poll_timeout, max_retries=max_retries),
            max_wait=max_wait,
            poll_interval=poll_interval,
            max_interval=max_interval,
            raise_on_failure=raise_on_failure,
        )
        return result


class JobsWithRawResponse:
    """``Jobs``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: Jobs) -> None:
        self.get = raw_response(resource.get)
        self.delete = raw_response(resource.delete)
        self.list = raw_response(resource.list)
        self.create = raw_response(resource.create)
        self.get_results = raw_response(resource.get_results)
        self.get_logs = raw_response(resource.get_logs)
        self.cancel = raw_response(resource.cancel)
        self.get_metrics = raw_response(resource.get_metrics)
        self.replace_tags = raw_response(resource.replace_tags)


class AsyncJobs:
    """Operations tagged 'Jobs'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncJobsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AsyncJobsWithRawResponse(self)

    async def get(
        self,
        job_id: str,
        *,
        exclude_params: bool | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.JobResponse:
        """List job details

        List the details about the specified quantum program job.

        Args:
            job_id: Identifier of an existing job
            exclude_params: Exclude job params from the response
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs/{id}`` (operationId ``get_job``)
        """
        result: models.JobResponse = await self._client._call(
            _GET,
            {
                "job_id": job_id,
                "exclude_params": exclude_params,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    async def delete(
        self,
        job_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Delete a job

        Delete the specified job and its associated data. Job must be in a terminal state.

        Args:
            job_id: Identifier of an existing job
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``DELETE /v1/jobs/{id}`` (operationId ``delete_job``)
        """
        result: None = await self._client._call(
            _DELETE,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    async def list(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        pending: bool | None = None,
        program: str | None = None,
        backend: str | None = None,
        created_after: datetime.datetime | str | None = None,
        created_before: datetime.datetime | str | None = None,
        sort: Literal["ASC", "DESC"] | None = None,
        tags: Sequence[str] | None = None,
        session_id: str | None = None,
        exclude_params: bool | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.JobsResponse:
        """List jobs

        List the quantum program jobs you have run.

        Args:
            limit: Number of results to return at a time. If the provided value is outside of the viable range, no error occurs and the default value is used instead.
            offset: Number of results to offset when retrieving the list of jobs. If the provided value is outside of the viable range, no error occurs and the default value is used instead.
            pending: Returns 'Queued' and 'Running' jobs if true. Returns 'Completed', 'Cancelled', and 'Failed' jobs if false.
            program: Program ID to filter jobs
            backend: Backend to filter jobs
            created_after: Job created after filter
            created_before: Job created before filter
            sort: Sort jobs by created time ASC or DESC (default)
            tags: Tags to filter jobs
            session_id: Session ID to filter jobs
            exclude_params: Exclude job params from the response
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs`` (operationId ``list_jobs``)
        """
        result: models.JobsResponse = await self._client._call(
            _LIST,
            {
                "limit": limit,
                "offset": offset,
                "pending": pending,
                "program": program,
                "backend": backend,
                "created_after": created_after,
                "created_before": created_before,
                "sort": sort,
                "tags": tags,
                "session_id": session_id,
                "exclude_params": exclude_params,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    async def create(
        self,
        *,
        body: (
            models.CreateJobRequest
            | models.JobRequest
            | models.ChannelPartnerJobRequest
            | params.CreateJobRequestParam
            | None
        ) = None,
        api_version: str | None = None,
        parent_job_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.CreateJobResponse:
        """Run a job

        Invoke a Qiskit Runtime primitive. Note the returned job ID.  You will use it to check the job's status and review results. This request is rate limited to 5 jobs per minute per user.

        Args:
            body: The request body: a model or a dict (``params.CreateJobRequestParam``).
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).
            parent_job_id: Parent job ID

        ``POST /v1/jobs`` (operationId ``create_job``)
        """
        result: models.CreateJobResponse = await self._client._call(
            _CREATE,
            {
                "api_version": api_version,
                "parent_job_id": parent_job_id,
            },
            body,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    async def get_results(
        self,
        job_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> str | None:
        """List job results

        Return the final result from this job.

        Args:
            job_id: A job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs/{id}/results`` (operationId ``get_job_results_jid``)
        """
        result: str | None = await self._client._call(
            _GET_RESULTS,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    async def get_logs(
        self,
        job_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> str:
        """List job logs

        List all job logs for the specified job.

        Args:
            job_id: A job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs/{id}/logs`` (operationId ``get_jog_logs_jid``)
        """
        result: str = await self._client._call(
            _GET_LOGS,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    async def cancel(
        self,
        job_id: str,
        *,
        parent_job_id: str | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Cancel a job

        Cancels the specified job.

        Args:
            job_id: A job ID
            parent_job_id: Parent job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``POST /v1/jobs/{id}/cancel`` (operationId ``cancel_job_jid``)
        """
        result: None = await self._client._call(
            _CANCEL,
            {
                "job_id": job_id,
                "parent_job_id": parent_job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    async def get_metrics(
        self,
        job_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.JobMetrics:
        """Get job metrics

        Gets metrics of specified job

        Args:
            job_id: A job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/jobs/{id}/metrics`` (operationId ``get_job_metrics_jid``)
        """
        result: models.JobMetrics = await self._client._call(
            _GET_METRICS,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    async def replace_tags(
        self,
        job_id: str,
        *,
        body: models.ReplaceJobTagsRequest | params.ReplaceJobTagsRequestParam | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Replace job tags

        Args:
            body: The request body: a model or a dict (``params.ReplaceJobTagsRequestParam``).
            job_id: A job ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``PUT /v1/jobs/{id}/tags`` (operationId ``replace_job_tags``)
        """
        result: None = await self._client._call(
            _REPLACE_TAGS,
            {
                "job_id": job_id,
                "api_version": api_version,
            },
            body,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result

    def list_all(
        self,
        *,
        pending: bool | None = None,
        program: str | None = None,
        backend: str | None = None,
        created_after: datetime.datetime | str | None = None,
        created_before: datetime.datetime | str | None = None,
        sort: Literal["ASC", "DESC"] | None = None,
        tags: Sequence[str] | None = None,
        session_id: str | None = None,
        exclude_params: bool | None = None,
        api_version: str | None = None,
        page_size: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> AsyncPager[models.JobResponse, models.JobsResponse]:
        """Every item of :meth:`list`, across pages, fetched as the iteration needs them.

        Args:
            page_size: items per page (sent as ``limit``)
            pending: Returns 'Queued' and 'Running' jobs if true. Returns 'Completed', 'Cancelled', and 'Failed' jobs if false.
            program: Program ID to filter jobs
            backend: Backend to filter jobs
            created_after: Job created after filter
            created_before: Job created before filter
            sort: Sort jobs by created time ASC or DESC (default)
            tags: Tags to filter jobs
            session_id: Session ID to filter jobs
            exclude_params: Exclude job params from the response
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).
        """
        pager: AsyncPager[models.JobResponse, models.JobsResponse] = self._client._pager(
            _LIST,
            _LIST__PAGES,
            {
                "pending": pending,
                "program": program,
                "backend": backend,
                "created_after": created_after,
                "created_before": created_before,
                "sort": sort,
                "tags": tags,
                "session_id": session_id,
                "exclude_params": exclude_params,
                "api_version": api_version,
            },
            page_size,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return pager

    async def wait(
        self,
        job_id: str,
        *,
        exclude_params: bool | None = None,
        api_version: str | None = None,
        max_wait: float | None = None,
        poll_interval: float = 1.0,
        max_interval: float = 10.0,
        raise_on_failure: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        poll_timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> models.JobResponse:
        """Poll :meth:`get` until ``status`` is final (Completed, Failed, Cancelled, Cancelled - Ran too long) and return the last answer.

        The interval starts at ``poll_interval`` seconds and grows by half each poll up to ``max_interval``. Raises ``WaitTimeoutError`` (with the last answer as ``last``) after ``max_wait`` seconds; ``None`` waits as long as it takes. ``poll_timeout`` is each poll's HTTP timeout.

        With ``raise_on_failure=True``, a final status that means failure (Failed) raises ``JobFailedError``, and one that means cancellation (Cancelled, Cancelled - Ran too long) ``JobCancelledError``, each carrying the last answer as ``job`` and the reason it gives.
        """
        result: models.JobResponse = await self._client._wait(
            _GET,
            {
                "job_id": job_id,
                "exclude_params": exclude_params,
                "api_version": api_version,
            },
            _GET__FINAL,
            CallOptions(extra_headers=extra_headers, timeout=poll_timeout, max_retries=max_retries),
            max_wait=max_wait,
            poll_interval=poll_interval,
            max_interval=max_interval,
            raise_on_failure=raise_on_failure,
        )
        return result


class AsyncJobsWithRawResponse:
    """``AsyncJobs``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: AsyncJobs) -> None:
        self.get = async_raw_response(resource.get)
        self.delete = async_raw_response(resource.delete)
        self.list = async_raw_response(resource.list)
        self.create = async_raw_response(resource.create)
        self.get_results = async_raw_response(resource.get_results)
        self.get_logs = async_raw_response(resource.get_logs)
        self.cancel = async_raw_response(resource.cancel)
        self.get_metrics = async_raw_response(resource.get_metrics)
        self.replace_tags = async_raw_response(resource.replace_tags)
