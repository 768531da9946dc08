"""Every operation of the spec, by operationId.

``getattr(getattr(client, op.resource), op.name)`` is the method that calls it.
Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["OPERATIONS", "OperationInfo"]


@dataclass(frozen=True)
class OperationInfo:
    operation_id: str
    method: str
    path: str
    resource: str
    name: str


OPERATIONS: Mapping[str, OperationInfo] = MappingProxyType(
    {
        "get_versions": OperationInfo("get_versions", "GET", "/v1/versions", "versions", "list"),
        "get_job": OperationInfo("get_job", "GET", "/v1/jobs/{id}", "jobs", "get"),
        "delete_job": OperationInfo("delete_job", "DELETE", "/v1/jobs/{id}", "jobs", "delete"),
        "list_jobs": OperationInfo("list_jobs", "GET", "/v1/jobs", "jobs", "list"),
        "create_job": OperationInfo("create_job", "POST", "/v1/jobs", "jobs", "create"),
        "get_job_results_jid": OperationInfo(
            "get_job_results_jid", "GET", "/v1/jobs/{id}/results", "jobs", "get_results"
        ),
        "get_jog_logs_jid": OperationInfo(
            "get_jog_logs_jid", "GET", "/v1/jobs/{id}/logs", "jobs", "get_logs"
        ),
        "cancel_job_jid": OperationInfo(
            "cancel_job_jid", "POST", "/v1/jobs/{id}/cancel", "jobs", "cancel"
        ),
        "get_job_metrics_jid": OperationInfo(
            "get_job_metrics_jid", "GET", "/v1/jobs/{id}/metrics", "jobs", "get_metrics"
        ),
        "replace_job_tags": OperationInfo(
            "replace_job_tags", "PUT", "/v1/jobs/{id}/tags", "jobs", "replace_tags"
        ),
        "list_backends": OperationInfo("list_backends", "GET", "/v1/backends", "backends", "list"),
        "get_backend_properties": OperationInfo(
            "get_backend_properties",
            "GET",
            "/v1/backends/{id}/properties",
            "backends",
            "get_properties",
        ),
        "get_backend_configuration": OperationInfo(
            "get_backend_configuration",
            "GET",
            "/v1/backends/{id}/configuration",
            "backends",
            "get_configuration",
        ),
        "get_backend_status": OperationInfo(
            "get_backend_status", "GET", "/v1/backends/{id}/status", "backends", "get_status"
        ),
        "get_backend_defaults": OperationInfo(
            "get_backend_defaults", "GET", "/v1/backends/{id}/defaults", "backends", "get_defaults"
        ),
        "create_session": OperationInfo(
            "create_session", "POST", "/v1/sessions", "sessions", "create"
        ),
        "get_session": OperationInfo("get_session", "GET", "/v1/sessions/{id}", "sessions", "get"),
        "update_session": OperationInfo(
            "update_session", "PATCH", "/v1/sessions/{id}", "sessions", "update"
        ),
        "delete_session_close": OperationInfo(
            "delete_session_close", "DELETE", "/v1/sessions/{id}/close", "sessions", "cancel"
        ),
        "get_instance": OperationInfo("get_instance", "GET", "/v1/instance", "instances", "get"),
        "get_instance_configuration": OperationInfo(
            "get_instance_configuration",
            "GET",
            "/v1/instances/configuration",
            "instances",
            "get_configuration",
        ),
        "replace_instance_configuration": OperationInfo(
            "replace_instance_configuration",
            "PUT",
            "/v1/instances/configuration",
            "instances",
            "replace_configuration",
        ),
        "get_usage": OperationInfo(
            "get_usage", "GET", "/v1/instances/usage", "instances", "get_usage"
        ),
        "list_tags": OperationInfo("list_tags", "GET", "/v1/tags", "tags", "list"),
        "get_account": OperationInfo("get_account", "GET", "/v1/accounts/{id}", "accounts", "get"),
        "find_instance_workloads": OperationInfo(
            "find_instance_workloads", "GET", "/v1/workloads", "workloads", "list"
        ),
        "analytics_usage": OperationInfo(
            "analytics_usage", "GET", "/v1/analytics/usage", "analytics", "get_usage"
        ),
        "get_usage_analytics_grouped": OperationInfo(
            "get_usage_analytics_grouped",
            "GET",
            "/v1/analytics/usage_grouped",
            "analytics",
            "get_usage_grouped",
        ),
        "get_usage_analytics_grouped_by_date": OperationInfo(
            "get_usage_analytics_grouped_by_date",
            "GET",
            "/v1/analytics/usage_grouped_by_date",
            "analytics",
            "get_usage_grouped_by_date",
        ),
        "analytics_filters": OperationInfo(
            "analytics_filters", "GET", "/v1/analytics/filters", "analytics", "get_filters"
        ),
    }
)
