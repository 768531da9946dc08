"""One module per resource (spec tag). Generated: do not edit."""

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
