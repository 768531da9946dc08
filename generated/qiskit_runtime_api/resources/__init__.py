"""One module per resource (spec tag), imported on first use. Generated: do not edit."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .accounts import Accounts as Accounts
    from .accounts import AsyncAccounts as AsyncAccounts
    from .analytics import Analytics as Analytics
    from .analytics import AsyncAnalytics as AsyncAnalytics
    from .backends import AsyncBackends as AsyncBackends
    from .backends import Backends as Backends
    from .instances import AsyncInstances as AsyncInstances
    from .instances import Instances as Instances
    from .jobs import AsyncJobs as AsyncJobs
    from .jobs import Jobs as Jobs
    from .sessions import AsyncSessions as AsyncSessions
    from .sessions import Sessions as Sessions
    from .tags import AsyncTags as AsyncTags
    from .tags import Tags as Tags
    from .versions import AsyncVersions as AsyncVersions
    from .versions import Versions as Versions
    from .workloads import AsyncWorkloads as AsyncWorkloads
    from .workloads import Workloads as Workloads

_MODULES = {
    "AsyncVersions": "versions",
    "AsyncVersionsWithRawResponse": "versions",
    "Versions": "versions",
    "VersionsWithRawResponse": "versions",
    "AsyncJobs": "jobs",
    "AsyncJobsWithRawResponse": "jobs",
    "Jobs": "jobs",
    "JobsWithRawResponse": "jobs",
    "AsyncBackends": "backends",
    "AsyncBackendsWithRawResponse": "backends",
    "Backends": "backends",
    "BackendsWithRawResponse": "backends",
    "AsyncSessions": "sessions",
    "AsyncSessionsWithRawResponse": "sessions",
    "Sessions": "sessions",
    "SessionsWithRawResponse": "sessions",
    "AsyncInstances": "instances",
    "AsyncInstancesWithRawResponse": "instances",
    "Instances": "instances",
    "InstancesWithRawResponse": "instances",
    "AsyncTags": "tags",
    "AsyncTagsWithRawResponse": "tags",
    "Tags": "tags",
    "TagsWithRawResponse": "tags",
    "Accounts": "accounts",
    "AccountsWithRawResponse": "accounts",
    "AsyncAccounts": "accounts",
    "AsyncAccountsWithRawResponse": "accounts",
    "AsyncWorkloads": "workloads",
    "AsyncWorkloadsWithRawResponse": "workloads",
    "Workloads": "workloads",
    "WorkloadsWithRawResponse": "workloads",
    "Analytics": "analytics",
    "AnalyticsWithRawResponse": "analytics",
    "AsyncAnalytics": "analytics",
    "AsyncAnalyticsWithRawResponse": "analytics",
}


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_MODULES[name]}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Accounts",
    "AccountsWithRawResponse",
    "Analytics",
    "AnalyticsWithRawResponse",
    "AsyncAccounts",
    "AsyncAccountsWithRawResponse",
    "AsyncAnalytics",
    "AsyncAnalyticsWithRawResponse",
    "AsyncBackends",
    "AsyncBackendsWithRawResponse",
    "AsyncInstances",
    "AsyncInstancesWithRawResponse",
    "AsyncJobs",
    "AsyncJobsWithRawResponse",
    "AsyncSessions",
    "AsyncSessionsWithRawResponse",
    "AsyncTags",
    "AsyncTagsWithRawResponse",
    "AsyncVersions",
    "AsyncVersionsWithRawResponse",
    "AsyncWorkloads",
    "AsyncWorkloadsWithRawResponse",
    "Backends",
    "BackendsWithRawResponse",
    "Instances",
    "InstancesWithRawResponse",
    "Jobs",
    "JobsWithRawResponse",
    "Sessions",
    "SessionsWithRawResponse",
    "Tags",
    "TagsWithRawResponse",
    "Versions",
    "VersionsWithRawResponse",
    "Workloads",
    "WorkloadsWithRawResponse",
]
