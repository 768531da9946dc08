"""Request and response models of the Qiskit Runtime API (generated: do not edit)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, TypeAlias
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, RootModel


class AccountPlanBase(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    plan_id: Annotated[str, Field(max_length=128, min_length=1, pattern="^.*$")]
    """
    The plan id as defined in Global Catalog
    """
    usage_allocation_seconds: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The maximum sum of allowable usage allocation across all instances in the account.
    """
    usage_limit_seconds: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The maximum amount of time workloads can run accross all instances in the account for the specified plan
    """
    backends: Annotated[list[str], Field(max_length=100, min_length=0)]
    """
    List of backends to allow the account to assign for instances.
    """
    max_ttl: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The maximum time (in seconds) for session to run, subject to plan limits.
    """
    active_ttl: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The remaining time (in seconds) for the session to be in the active state while jobs are running. Must be less than or equal to max ttl.
    """
    interactive_ttl: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The maximum time (in seconds) between jobs to keep the session active. Must be less than or equal to active ttl.
    """
    start_time: datetime | None = None
    """
    Start time for contract-based plans
    """
    end_time: datetime | None = None
    """
    End time for contract-based plans
    """


class AccountPlanUnallocatedUsage(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    unallocated_usage_seconds: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The remaining usage allocation that can still be allocated to instances.
    """


class BackendChannelOperates(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    qubits: list[int] | None = None


class BackendConfigurationGate(BaseModel):
    """
    The definition of a gate
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: Annotated[str, Field(max_length=64, min_length=1, pattern="^[a-zA-Z0-9_]*$")]
    """
    The gate name as it will be referred to in QASM
    """
    parameters: Annotated[list[str] | None, Field(max_length=1024, min_length=0)]
    """
    Variable names for the gate parameters (if any)
    """
    coupling_map: Annotated[list[list[int]] | None, Field(max_length=2147483647)] = None
    """
    List of qubit groupings which are coupled by this gate
    """
    qasm_def: Annotated[str | None, Field(max_length=1024, min_length=1, pattern="^.*$")]
    """
    Definition of this gate in terms of QASM primitives U and CX
    """
    conditional: bool = False
    """
    This specified gate supports conditional operations (true/false). If this is not specified, then the gate inherits the conditional property of the backend.
    """
    latency_map: Annotated[list[list[int]] | None, Field(max_length=2147483647, min_length=1)] = (
        None
    )
    """
    An array of dimension len(coupling_map) X n_registers that specifies (1 - fast, 0 - slow) the register latency conditional operations on the gate
    """
    description: Annotated[
        str | None, Field(max_length=64, min_length=1, pattern="^[a-zA-Z0-9\\s]*$")
    ] = None
    """
    Description of the gate operation
    """


class BackendConfigurationHamiltonian(BaseModel):
    """
    Hamiltonian of the backend
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    h_latex: Annotated[str, Field(pattern="^.*$")]
    """
    The Hamiltonian in latex form
    """
    h_str: Annotated[list[str] | None, Field(max_length=9007199254740991, min_length=1)] = None
    """
    The Hamiltonian in machine readable form
    """
    vars: dict[str, Any] | None = None
    """
    Variables in the h_str
    """
    osc: dict[str, Any] | None = None
    """
    Number of levels for each oscillator mode
    """
    description: str | None = None
    """
    The model the Hamiltonian describes, in words (sent by 51 of 69).
    """
    qub: dict[str, int] | None = None
    """
    The number of levels of each qubit, by qubit number (sent by 51 of 69).
    """


class BackendConfigurationProcessorType(BaseModel):
    """
    The processor type of this backend
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    family: Annotated[str, Field(max_length=64, min_length=1, pattern="^[a-zA-Z0-9]*$")]
    """
    Processor family indicates quantum chip architecture
    """
    revision: str | int | float
    """
    Revision number reflects design variants within a given processor family. Is typically a semantic versioning value without the patch value, eg., \\"1.0\\".
    """
    segment: Annotated[str | None, Field(max_length=64, min_length=1, pattern="^[a-zA-Z0-9]*$")] = (
        None
    )
    """
    Segment, if indicated, is used to distinguish different subsets of the qubit fabric/chip
    """


class BackendConfigurationTimingConstraints(BaseModel):
    """
    The timing constraints on this backend
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    granularity: Annotated[int | None, Field(ge=0, le=9007199254740991)] = None
    """
    Waveform memory data chunk size
    """
    min_length: Annotated[int | None, Field(ge=0, le=9007199254740991)] = None
    """
    Minimum number of samples required to define a pulse
    """
    pulse_alignment: Annotated[int | None, Field(ge=0, le=9007199254740991)] = None
    """
    Instruction triggering time resolution of pulse channel in units of dt
    """
    acquire_alignment: Annotated[int | None, Field(ge=0, le=9007199254740991)] = None
    """
    Instruction triggering time resolution of acquisition channel in units of dt
    """


class BackendConfigurationUChannelLoItemItem(BaseModel):
    """
    The description of a single U Channel LO in terms of qubit LO's
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    q: Annotated[int, Field(ge=0, le=2147483647)]
    """
    The qubit number
    """
    scale: Annotated[list[float], Field(max_length=2, min_length=2)]
    """
    A complex number as [real, imaginary]
    """


class BackendInstructionSignature(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    description: str | None = None
    num_qubits: int | None = None
    num_clbits: int | None = None
    parameters: list[Any] | None = None
    return_type: str | None = None


class BackendPropertiesGeneralQlist(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    qubits: list[int] | None = None


class BackendStatus(BaseModel):
    """
    Backends Status Response
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    state: bool | None = None
    """
    State of the backend
    """
    status: str | None = None
    """
    Status of the backend
    """
    message: str | None = None
    """
    Description of the backend state
    """
    length_queue: Annotated[int, Field(ge=0, le=2147483647)]
    """
    Length of the queue for the backend
    """
    backend_version: str | None = None
    """
    Backend version
    """


class BackendsConfigurationResponseClops(BaseModel):
    """
    Circuit layer operations per second (CLOPS), with its kind.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["virtual", "hardware"]
    value: int | str


class BackendsResponseV2DeviceClops(BaseModel):
    """
    Details of the CLOPS
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["virtual", "hardware"]
    value: Annotated[int, Field(ge=0, le=2147483647)]


class BackendsResponseV2DeviceProcessorType(BaseModel):
    """
    Details of the processor type
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    family: str | None = None
    """
    The family of the processor
    """
    revision: str | None = None
    """
    The revision of the processor
    """
    segment: str | None = None
    """
    The segment of the processor
    """


class BackendsResponseV2DeviceStatus(BaseModel):
    """
    The status of the backend device
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: Literal["online", "paused", "offline"]
    """
    The status name of the backend device
    """
    reason: str | None = None
    """
    Optional reason for the status
    """


class BackendsResponseV2DeviceWaitTimeSeconds(BaseModel):
    """
    Job wait times for the device (in seconds)
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    average: Annotated[int, Field(ge=0, le=2147483647)]
    """
    Average wait time before jobs start running (in seconds)
    """
    p50: Annotated[int, Field(ge=0, le=2147483647)]
    """
    P50 wait time before jobs start running (in seconds)
    """
    p95: Annotated[int, Field(ge=0, le=2147483647)]
    """
    P95 wait time before jobs start running (in seconds)
    """


class CosStorageLocation(BaseModel):
    """
    Remote storage metadata for where data is stored or to be stored in an IBM Cloud Object Storage bucket. Required fields may be omitted in field specific objected if allowed and defined in the default remote storage option.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["ibmcloud_cos"] = "ibmcloud_cos"
    region: Annotated[str, Field(pattern="^[a-zA-Z-]+$")]
    """
    Region, Cross-Region, or Single Data Center as defined by IBM Cloud Object Storage (https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-endpoints)
    """
    region_type: Literal["regional", "cross-region", "single-site"]
    bucket_crn: str
    """
    Fully specified <a href="https://cloud.ibm.com/docs/account?topic=account-crn">CRN</a> for the target Cloud Object Storage bucket
    """
    object_name: str
    """
    Name/ID of the object in the IBM Cloud Object Storage bucket. May *not* be specified in the default remote storage option.
    """


class CreateJobResponse(BaseModel):
    """
    Response when creating a job
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    """
    Job ID
    """
    backend: str
    """
    Backend selected to run job
    """
    session_id: str | None = None
    """
    Id of the session associated with the job
    """
    private: bool | None = None
    """
    When set to true, input parameters are not returned, and the results can only be read once. After the job is completed, input parameters are deleted from the service. After the results are read, they are deleted from the service. When set to false, the input parameters and results follow the standard retention behavior of the API. Only returned in the response if the value is true, otherwise it is omitted.
    """
    calibration_id: Annotated[str | None, Field(max_length=100, min_length=1, pattern="^.*$")] = (
        None
    )
    """
    The ID of the calibration used for the job
    """


class DevicePerformanceMetricsTwoQErrorMedian(BaseModel):
    """
    2Q error (layered)
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    value: float
    unit: str | None = None


class ErrorResponseError(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    code: str | None = None
    """
    Error type identifier
    """
    message: str | None = None
    """
    Explanation of the problem
    """
    more_info: str | None = None
    """
    URL where information about the error can be read in a web browser
    """


class EstimatorV2InputOptionsExecution(BaseModel):
    """
    Execution options
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    init_qubits: bool | None = None
    """
    Whether to reset the qubits to the ground state for each shot
    """
    rep_delay: float | None = None
    """
    The delay between a measurement and the subsequent quantum circuit
    """


class EstimatorV2InputOptionsResiliencePec(BaseModel):
    """
    Additional probabilistic error cancellation mitigation options
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    max_overhead: Annotated[float | None, Field(gt=0.0)] = None
    """
    The maximum circuit sampling overhead allowed
    """
    noise_gain: float | Literal["auto"] | None = None
    """
    The amount by which to scale the noise
    """


class EstimatorV2InputOptionsResilienceZne(BaseModel):
    """
    Additional zero noise extrapolation mitigation options
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    noise_factors: Any | None = None
    """
    A list of floats representing noise factors to use for noise amplification
    """
    extrapolator: (
        list[
            Literal[
                "linear",
                "exponential",
                "double_exponential",
                "polynomial_degree_1",
                "polynomial_degree_2",
                "polynomial_degree_3",
                "polynomial_degree_4",
                "polynomial_degree_5",
                "polynomial_degree_6",
                "polynomial_degree_7",
                "fallback",
            ]
        ]
        | Literal[
            "linear",
            "exponential",
            "double_exponential",
            "polynomial_degree_1",
            "polynomial_degree_2",
            "polynomial_degree_3",
            "polynomial_degree_4",
            "polynomial_degree_5",
            "polynomial_degree_6",
            "polynomial_degree_7",
            "fallback",
        ]
        | None
    ) = None
    """
    Extrapolator(s) to try (in order) for extrapolating to zero noise
    """
    amplifier: Literal["gate_folding", "gate_folding_front", "gate_folding_back", "pea"] | None = (
        None
    )
    """
    Technique to use for amplifying noise.
    """
    extrapolated_noise_factors: Any | None = None
    """
    A list of floats representing noise factors to evaluate the fit extrapolation models at, or the string 'auto' to set them based on the noise factors.
    """


class GetAnalyticsFiltersResponseInstance(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    deleted: bool


class GetAnalyticsFiltersResponsePlan(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str


class GetAnalyticsUsageGroupedResponseDataItem(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    key: Annotated[str | None, Field(...)]
    """
    Grouping key
    """
    usage: float
    """
    Total usage (in milliseconds)
    """
    jobs: float
    """
    Total number of jobs
    """
    sessions: float
    """
    Total number of sessions
    """
    sessions_usage: float
    """
    Total sessions usage (in milliseconds)
    """
    avg_sessions_usage: float
    """
    Average sessions usage (in milliseconds)
    """
    max_sessions_usage: float
    """
    Max sessions usage (in milliseconds)
    """
    batch_sessions: float
    """
    Total number of batch sessions
    """
    batch_sessions_usage: float
    """
    Total batch sessions usage (in milliseconds)
    """
    avg_batch_sessions_usage: float
    """
    Average batch sessions usage (in milliseconds)
    """
    max_batch_sessions_usage: float
    """
    Max batch sessions usage (in milliseconds)
    """
    dedicated_sessions: float
    """
    Total number of dedicated sessions
    """
    dedicated_sessions_usage: float
    """
    Total dedicated sessions usage (in milliseconds)
    """
    avg_dedicated_sessions_usage: float
    """
    Average dedicated sessions usage (in milliseconds)
    """
    max_dedicated_sessions_usage: float
    """
    Max dedicated sessions usage (in milliseconds)
    """
    individual_jobs: float
    """
    Total number of individual jobs
    """
    individual_jobs_usage: float
    """
    Total individual jobs usage  (in milliseconds)
    """
    avg_individual_jobs_usage: float
    """
    Average individual jobs usage  (in milliseconds)
    """
    max_individual_jobs_usage: float
    """
    Max individual jobs usage (in milliseconds)
    """
    queue_time: float
    """
    Total queue time (in milliseconds)
    """
    avg_queue_time: float
    """
    Average queue time (in milliseconds)
    """
    max_queue_time: float
    """
    Max queue time  (in milliseconds)
    """


class GetAnalyticsUsageResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    usage: float
    """
    Total usage (in milliseconds)
    """
    jobs: float
    """
    Total number of jobs
    """
    sessions: float
    """
    Total number of sessions
    """
    sessions_usage: float
    """
    Total sessions usage (in milliseconds)
    """
    avg_sessions_usage: float
    """
    Average sessions usage (in milliseconds)
    """
    max_sessions_usage: float
    """
    Max sessions usage (in milliseconds)
    """
    batch_sessions: float
    """
    Total number of batch sessions
    """
    batch_sessions_usage: float
    """
    Total batch sessions usage (in milliseconds)
    """
    avg_batch_sessions_usage: float
    """
    Average batch sessions usage (in milliseconds)
    """
    max_batch_sessions_usage: float
    """
    Max batch sessions usage (in milliseconds)
    """
    dedicated_sessions: float
    """
    Total number of dedicated sessions
    """
    dedicated_sessions_usage: float
    """
    Total dedicated sessions usage (in milliseconds)
    """
    avg_dedicated_sessions_usage: float
    """
    Average dedicated sessions usage (in milliseconds)
    """
    max_dedicated_sessions_usage: float
    """
    Max dedicated sessions usage (in milliseconds)
    """
    individual_jobs: float
    """
    Total number of individual jobs
    """
    individual_jobs_usage: float
    """
    Total individual jobs usage  (in milliseconds)
    """
    avg_individual_jobs_usage: float
    """
    Average individual jobs usage  (in milliseconds)
    """
    max_individual_jobs_usage: float
    """
    Max individual jobs usage (in milliseconds)
    """
    queue_time: float
    """
    Total queue time (in milliseconds)
    """
    avg_queue_time: float
    """
    Average queue time (in milliseconds)
    """
    max_queue_time: float
    """
    Max queue time  (in milliseconds)
    """


class GetInstanceConfigurationResponse(BaseModel):
    """
    Instance configuration
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    instance_limit: float | None = None
    """
    Instance usage limit in seconds
    """


class GetInstanceResponse(BaseModel):
    """
    Instance
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    backends: Annotated[list[str] | None, Field(max_length=100, min_length=0)] = None
    """
    List of backend systems or clusters associated with the service instance
    """
    instance_limit: Annotated[float | None, Field(deprecated=True)] = None
    """
    Represents the instance limits in seconds; will be replaced by instance_limit_seconds
    """
    instance_limit_seconds: str | None = None
    """
    Specifies the maximum number of resources time that can run on this instance
    """
    plan_id: Annotated[str | None, Field(max_length=128, min_length=1, pattern="^.*$")] = None
    """
    Identifier for the service plan associated with the instance as defined in Global Catalog
    """
    usage_allocation_seconds: str | None = None
    """
    The maximum sum of allowable usage allocation on the instance.
    """


class GetInstanceUsageResponseUsagePeriod(BaseModel):
    """
    Start and end time of the usage period
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    start_time: datetime | None = None
    """
    The start time of the usage
    """
    end_time: datetime | None = None
    """
    The end time of the usage
    """


class InputOptionsResilienceLayerNoiseLearning(BaseModel):
    """
    Layer noise learning options
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    max_layers_to_learn: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The max number of unique layers to learn
    """
    shots_per_randomization: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    The total number of shots to use per random learning circuit
    """
    num_randomizations: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    The number of random circuits to use per learning circuit configuration
    """
    layer_pair_depths: Any | None = None
    """
    A list of integers representing the circuit depths (measured in number of pairs) to use in learning experiments
    """


class JobMetricsBss(BaseModel):
    """
    Contains information about job usage metrics
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    seconds: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    Total billed time for the job - quantum seconds only.
    """


class JobMetricsTimestamps(BaseModel):
    """
    A map of status transitions to timestamps
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    created: str | None = None
    """
    Timestamp of when the job create request was received
    """
    finished: str | None = None
    """
    Timestamp of when the job finished
    """
    running: str | None = None
    """
    Timestamp of when the job started running
    """


class JobMetricsUsage(BaseModel):
    """
    Contains information about job usage metrics
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    quantum_seconds: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    Total quantum seconds used by the job
    """
    seconds: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    Total billed time for the job - quantum seconds only.
    """


class JobResponseProgram(BaseModel):
    """
    Program associated with the job
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    """
    Identifier from the executed program
    """


class JobState(BaseModel):
    """
    Current state of the job
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    status: Literal[
        "Queued", "Running", "Completed", "Cancelled", "Failed", "Cancelled - Ran too long"
    ]
    """
    Current status of the job
    """
    reason: str | None = None
    """
    Reason for the current status
    """
    reason_code: Annotated[int | None, Field(ge=1000, le=9999)] = None
    """
    Reason code for the current status
    """
    reason_solution: str | None = None
    """
    Next steps user can take in case of failure
    """


class ListTagsResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    tags: Annotated[list[str] | None, Field(max_length=5, min_length=1)] = None
    """
    List of job or program tags
    """


class ListWorkloadsErrorResponseError(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    code: float
    message: str
    solution: str
    more_info: str


class ListWorkloadsResponseNext(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    href: str | None = None


class ListWorkloadsResponseWorkload(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    """
    Workload id (job and session id)
    """
    created: str
    """
    Creation date
    """
    ended: str | None = None
    """
    End date
    """
    backend: str
    """
    Backend name
    """
    instance: str
    """
    Instance as hub/group/project
    """
    user_id: str
    """
    User id
    """
    accepting_jobs: bool | None = None
    """
    true if the session accepts jobs, false otherwise. Only for sessions, null for jobs
    """
    mode: Literal["job", "session", "batch"]
    """
    Workload mode: job, session or batch
    """
    status: Literal["completed", "canceled", "failed", "pending", "in_progress"]
    """
    State for the workload.
    """
    status_reason: str | None = None
    """
    Jobs only, status reason for the job
    """
    tags: list[str] | None = None
    """
    Tags for the jobs
    """
    usage_seconds: float | None = None
    """
    Usage in seconds. Can be null for ongoing workloads.
    """
    estimated_running_time_seconds: float | None = None
    """
    Estimated usage in seconds
    """


class Nduv(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    date: datetime
    """
    Date of the parameter
    """
    name: Annotated[str, Field(max_length=64, min_length=1)]
    """
    Name of the parameter
    """
    unit: Annotated[str, Field(max_length=64, min_length=0)]
    """
    Unit of the parameter
    """
    value: float
    """
    Value of the parameter
    """


class OptionsResilienceMeasureNoiseLearning(BaseModel):
    """
    Additional measurement noise learning options
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    num_randomizations: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    The number of random circuits to draw for the measurement learning experiment
    """
    shots_per_randomization: int | Literal["auto"] | None = None
    """
    The number of shots to use for the learning experiment per random circuit.
    """


class ProgramParams(BaseModel):
    """
    Parameters used to run a job
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    program_id: Annotated[str, Field(max_length=10000, min_length=1, pattern="^.*$")]
    """
    ID of the program to be executed
    """
    backend: Annotated[str, Field(max_length=10000, min_length=1, pattern="^.*$")]
    """
    Name that identifies the backend on which to run the program.
    """
    runtime: Annotated[str | None, Field(max_length=10000, min_length=1, pattern="^.*$")] = None
    """
    Name and tag of the image to use when running a program (IBM Quantum channel users only). Should follow the pattern "name:tag".
    """
    tags: Annotated[list[str] | None, Field(max_length=5, min_length=1)] = None
    """
    List of job or program tags
    """
    log_level: Literal["critical", "error", "warning", "info", "debug"] | None = None
    """
    Logging level of the program
    """
    cost: Annotated[int | None, Field(ge=0, le=10800)] = None
    """
    Cost of the job as the estimated time it should take to complete (in seconds). Should not exceed the cost of the program. If the provided value exceeds the maximum, it will be capped at that value.
    """
    session_id: Annotated[str | None, Field(max_length=36, min_length=1, pattern="^.*$")] = None
    """
    Identifier of the session that the job is a part of
    """
    calibration_id: Annotated[str | None, Field(max_length=100, min_length=1, pattern="^.*$")] = (
        None
    )
    """
    The ID of the calibration used for the job
    """


class ReplaceInstanceConfigurationRequest(BaseModel):
    """
    instance configuration update
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    instance_limit: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    This field can be null or an integer. Use null to reset/remove the instance limit.
    """


class ReplaceJobTagsRequest(BaseModel):
    """
    Replace job tags request
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    tags: Annotated[list[str], Field(max_length=5, min_length=1)]
    """
    List of job or program tags
    """


class SamplerV2InputOptionsDynamicalDecoupling(BaseModel):
    """
    Suboptions for dynamical decoupling
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    enable: bool | None = None
    """
    Whether to enable DD as specified by the other options in this class
    """
    sequence_type: Literal["XX", "XpXm", "XY4"] | None = None
    """
    Which dynamical decoupling sequence to use
    """
    extra_slack_distribution: Literal["middle", "edges"] | None = None
    """
    Where to put extra timing delays due to rounding issues
    """
    scheduling_method: Literal["alap", "asap"] | None = None
    """
    Whether to schedule gates as soon as ('asap') or as late as ('alap') possible
    """
    skip_reset_qubits: bool | None = None
    """
    Whether to insert DD on idle periods that immediately follow initialized/reset qubits.
    """


class SamplerV2InputOptionsExecution(BaseModel):
    """
    Execution options
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    init_qubits: bool | None = None
    """
    Whether to reset the qubits to the ground state for each shot
    """
    rep_delay: float | None = None
    """
    The delay between a measurement and the subsequent quantum circuit
    """
    meas_type: Literal["classified", "kerneled", "avg_kerneled"] | None = None
    """
    How to process and return measurement results
    """


class SamplerV2InputOptionsSimulator(BaseModel):
    """
    Simulator options
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    noise_model: dict[str, Any] | None = None
    """
    Noise model for the simulator.
    """
    seed_simulator: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    Random seed to control sampling.
    """
    coupling_map: list[Any] | None = None
    """
    Directed coupling map to target in mapping.
    """
    basis_gates: list[str | None] | None = None
    """
    List of basis gate names to unroll to.
    """


class SamplerV2InputOptionsTwirling(BaseModel):
    """
    Twirling options
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    enable_gates: bool | None = None
    """
    Whether to apply 2-qubit gate twirling
    """
    enable_measure: bool | None = None
    """
    Whether to apply measurement twirling
    """
    num_randomizations: int | Literal["auto"] | None = None
    """
    The number of random samples to use when twirling or performing sampled mitigation
    """
    shots_per_randomization: int | Literal["auto"] | None = None
    """
    The number of shots to run for each random sample
    """
    strategy: Literal["active", "active-circuit", "active-accum", "all"] | None = None
    """
    The strategy of twirling qubits in identified layers of 2-qubit twirled gates
    """


class SessionRequestBase(BaseModel):
    """
    Base request schema to create a session.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    max_ttl: Annotated[int, Field(ge=1, le=2147483647)] = 28800
    """
    The maximum time (in seconds) for the session to run, subject to plan limits.
    """
    mode: Literal["batch", "dedicated"]
    """
    Execution mode to run the session in
    """
    backend: str | None = None
    """
    Backend name
    """
    backend_name: str | None = None
    """
    Backend name (fallback)
    """


class SessionTimestamp(BaseModel):
    """
    Contains information about the time a specific status transition happened
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    status: Literal["open", "active", "inactive", "closed"]
    """
    The state of the session.
    - open: The session is waiting to run jobs.
    - active: The session has priority to run jobs on the backend and is running jobs or is waiting for more jobs to run.
    - inactive: The session does not have priority and is not running any jobs.
    - closed: The session is not running any jobs and will not accept/run new jobs.

    """
    timestamp: datetime
    """
    Timestamp of when the session transitioned into the given status
    """


class StorageLocation(CosStorageLocation):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )


class UpdateSessionRequest(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    accepting_jobs: bool
    """
    If true, the session is actively accepting new jobs to be queued. If false, jobs will be rejected on create and the session will be immediately closed when there are no more jobs to run in the session.
    """


class Usage(BaseModel):
    """
    usage metrics
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    seconds: float
    """
    Number of seconds of Qiskit Runtime usage including quantum compute and near-time classical pre- and post-processing
    """


class UsageGroupedByDateResponseDataItem(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    key: str
    """
    Group key. Depends on the groupBy query params.
    """
    interval_start: str
    """
    Interval start
    """
    interval_end: str
    """
    Interval end
    """
    usage: float
    """
    Total usage (in milliseconds)
    """
    jobs: float
    """
    Total number of jobs
    """
    sessions: float
    """
    Total number of sessions
    """
    sessions_usage: float
    """
    Total sessions usage (in milliseconds)
    """
    avg_sessions_usage: float
    """
    Average sessions usage (in milliseconds)
    """
    max_sessions_usage: float
    """
    Max sessions usage (in milliseconds)
    """
    batch_sessions: float
    """
    Total number of batch sessions
    """
    batch_sessions_usage: float
    """
    Total batch sessions usage (in milliseconds)
    """
    avg_batch_sessions_usage: float
    """
    Average batch sessions usage (in milliseconds)
    """
    max_batch_sessions_usage: float
    """
    Max batch sessions usage (in milliseconds)
    """
    dedicated_sessions: float
    """
    Total number of dedicated sessions
    """
    dedicated_sessions_usage: float
    """
    Total dedicated sessions usage (in milliseconds)
    """
    avg_dedicated_sessions_usage: float
    """
    Average dedicated sessions usage (in milliseconds)
    """
    max_dedicated_sessions_usage: float
    """
    Max dedicated sessions usage (in milliseconds)
    """
    individual_jobs: float
    """
    Total number of individual jobs
    """
    individual_jobs_usage: float
    """
    Total individual jobs usage  (in milliseconds)
    """
    avg_individual_jobs_usage: float
    """
    Average individual jobs usage  (in milliseconds)
    """
    max_individual_jobs_usage: float
    """
    Max individual jobs usage (in milliseconds)
    """
    queue_time: float
    """
    Total queue time (in milliseconds)
    """
    avg_queue_time: float
    """
    Average queue time (in milliseconds)
    """
    max_queue_time: float
    """
    Max queue time  (in milliseconds)
    """


class V2DevicePerformanceMetricsTwoQErrorBest(BaseModel):
    """
    2Q error (best)
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    value: float
    gate: str
    unit: str | None = None
    qubits: list[float]


class VersionResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    versions: list[str]


class AccountPlan(AccountPlanBase, AccountPlanUnallocatedUsage):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )


class BackendChannel(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    operates: BackendChannelOperates | None = None
    purpose: str | None = None
    type: str | None = None


class BackendPropertiesGate(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    gate: Annotated[str, Field(max_length=64, min_length=1, pattern="^[a-zA-Z0-9_]*$")]
    """
    The gate name for these parameters
    """
    parameters: Annotated[list[Nduv], Field(max_length=9007199254740991, min_length=1)]
    """
    The parameters of this gate on these qubits
    """
    qubits: Annotated[list[int], Field(max_length=2147483647, min_length=1)]
    """
    The qubits for these parameters
    """
    name: str | None = None
    """
    The gate with its qubits (`cx0_1`) (sent by 65 of 70).
    """


class ChannelPartnerSessionRequest(SessionRequestBase):
    """
    Request to create a session. Only for use by channel partner.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    interactive_ttl: Annotated[int, Field(ge=1, le=2147483647)]
    """
    The maximum time (in seconds) between jobs to keep the session active. Must be less than or equal to `active_ttl`.
    """
    active_ttl: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    The remaining time (in seconds) for the session to be in the active state while jobs are running. Must be less than or equal to `max_ttl`. Defaults to `max_ttl`.
    """


class ErrorResponse(BaseModel):
    """
    Error response
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    trace: str | None = None
    """
    A request identifier
    """
    errors: list[ErrorResponseError] | None = None
    """
    A list of errors
    """


class EstimatorV2InputOptionsResilience(BaseModel):
    """
    Advanced resilience options to fine tune the resilience strategy
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    measure_mitigation: bool | None = None
    """
    Whether to enable measurement error mitigation method
    """
    measure_noise_learning: OptionsResilienceMeasureNoiseLearning | None = None
    zne_mitigation: bool | None = None
    """
    Whether to turn on Zero Noise Extrapolation error mitigation method
    """
    zne: EstimatorV2InputOptionsResilienceZne | None = None
    pec_mitigation: bool | None = None
    """
    Whether to turn on Probabilistic Error Cancellation error mitigation method
    """
    pec: EstimatorV2InputOptionsResiliencePec | None = None
    layer_noise_learning: InputOptionsResilienceLayerNoiseLearning | None = None
    layer_noise_model: Any | None = None
    """
    A NoiseLearnerResult or a sequence of LayerError objects, or ``None`` to invoke a noise-learning stage when necessary.
    """


class GetAccountResponse(BaseModel):
    """
    Configuration for an account managed by the IBM Qiskit Runtime service.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    plans: Annotated[list[AccountPlan], Field(max_length=20, min_length=0)]
    """
    The list of configurations for the account per plan
    """


class GetAnalyticsFiltersResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    backends: list[GetAnalyticsFiltersResponsePlan]
    instances: list[GetAnalyticsFiltersResponseInstance]
    users: list[JobResponseProgram]
    plans: list[GetAnalyticsFiltersResponsePlan]


class GetAnalyticsUsageGroupedByDateResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    interval_start: str
    """
    Interval start
    """
    interval_end: str
    """
    Interval end
    """
    data: list[UsageGroupedByDateResponseDataItem]
    """
    Results
    """


class GetAnalyticsUsageGroupedResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[GetAnalyticsUsageGroupedResponseDataItem]
    """
    Data
    """


class GetInstanceUsageResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    instance_id: str
    plan_id: str
    usage_period: GetInstanceUsageResponseUsagePeriod | None = None
    usage_consumed_seconds: float
    """
    Usage consumed in the current usage period
    """
    usage_limit_seconds: float | None = None
    """
    The usage limit in seconds during the usage period
    """
    usage_allocation_seconds: float | None = None
    """
    The seconds that are allocated for the instance during the usage period
    """
    usage_limit_reached: bool | None = None
    """
    true if the usage limit is reached. false if not reached. undefined if usage limits do not apply to this instance.
    """


class JobMetrics(BaseModel):
    """
    Various metrics about the execution of a job
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    timestamps: JobMetricsTimestamps | None = None
    bss: JobMetricsBss | None = None
    usage: JobMetricsUsage | None = None
    qiskit_version: str | None = None
    """
    Qiskit version used during execution of the job
    """
    estimated_start_time: Annotated[str | None, Field(deprecated=True)] = None
    """
    UTC timestamp for when the job will start
    """
    estimated_completion_time: Annotated[str | None, Field(deprecated=True)] = None
    """
    UTC timestamp for when the job will complete
    """
    position_in_queue: Annotated[int | None, Field(deprecated=True, ge=0, le=2147483647)] = None
    """
    Current position of job in queue (IBM Quantum channel users only)
    """
    position_in_provider: Annotated[int | None, Field(deprecated=True, ge=0, le=2147483647)] = None
    """
    Current position of job in provider (IBM Quantum channel users only)
    """


class ListWorkloadsErrorResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    errors: list[ListWorkloadsErrorResponseError]
    trace: UUID
    """
    Transaction ID for tracing the request
    """


class ListWorkloadsResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    workloads: list[ListWorkloadsResponseWorkload]
    total_count: float
    limit: float
    previous: ListWorkloadsResponseNext | None = None
    next: ListWorkloadsResponseNext | None = None


class NoiseLearnerInputOptions(BaseModel):
    """
    NoiseLearner options
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    simulator: SamplerV2InputOptionsSimulator | None = None
    max_layers_to_learn: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The max number of unique layers to learn
    """
    shots_per_randomization: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    The total number of shots to use per random learning circuit
    """
    num_randomizations: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    The number of random circuits to use per learning circuit configuration
    """
    layer_pair_depths: list[int] | None = None
    """
    The circuit depths (measured in number of pairs) to use in learning experiments
    """
    twirling_strategy: Literal["active", "active-circuit", "active-accum", "all"] | None = None
    """
    The strategy of twirling qubits in identified layers of 2-qubit twirled gates
    """
    experimental: dict[str, Any] | None = None
    """
    Experimental options.
    """
    support_qiskit: bool | None = None
    """
    If True, returns a Qiskit-style output, meant to be parsed using the runtime result decoder, or resort to returning pure JSON results (resulting in larger objects)
    """


class RemoteStorage(BaseModel):
    """
    (Only enabled for Qiskit Runtime instances with the Channel Partner plan) Metadata and connection information on where job params are stored remotely
    and/or where to store results, logs, transpiled circuits, etc. Omitted properties
    in field specific objects will be inherited from the default remote storage option.
    As an example, the following two objects are equivalent:

    ```
    {
        "type": "ibmcloud_cos",
        "region": "us-east",
        "region_type": "regional",
        "bucket_crn": "crn",
        "job_params": {
          "object_name": "my-object"
        }
    }
    ```

    ```
    {
        "type": "ibmcloud_cos",
        "region": "us-east",
        "region_type": "regional",
        "bucket_crn": "crn",
        "job_params": {
          "type": "ibmcloud_cos",
          "region": "us-east",
          "region_type": "regional",
          "bucket_crn": "crn",
          "object_name": "my-object"
        }
    }
    ```

    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    job_params: StorageLocation
    results: StorageLocation
    logs: StorageLocation | None = None


class ResponseV2DevicePerformanceMetrics(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    two_q_error_best: V2DevicePerformanceMetricsTwoQErrorBest | None = None
    two_q_error_layered: DevicePerformanceMetricsTwoQErrorMedian | None = None
    two_q_error_median: DevicePerformanceMetricsTwoQErrorMedian | None = None
    readout_error_median: DevicePerformanceMetricsTwoQErrorMedian | None = None


class SamplerV2InputOptions(BaseModel):
    """
    Options for V2 Sampler
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    default_shots: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The default number of shots to use if none are specified in the PUBs
    """
    dynamical_decoupling: SamplerV2InputOptionsDynamicalDecoupling | None = None
    execution: SamplerV2InputOptionsExecution | None = None
    twirling: SamplerV2InputOptionsTwirling | None = None
    simulator: SamplerV2InputOptionsSimulator | None = None
    experimental: dict[str, Any] | None = None
    """
    Experimental options.
    """


class Session(BaseModel):
    """
    Job session
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    """
    Job ID
    """
    backend_name: Annotated[str | None, Field(...)]
    """
    Backend name. May not be set when in the "open" state.
    """
    started_at: datetime | None = None
    """
    Timestamp of when the session was started
    """
    activated_at: datetime | None = None
    """
    Timestamp of when the session state was changed to active
    """
    closed_at: datetime | None = None
    """
    Timestamp of when the session was closed
    """
    last_job_started: datetime | None = None
    """
    Timestamp of when the last job in the session started
    """
    last_job_completed: datetime | None = None
    """
    Timestamp of when the last job in the session completed
    """
    interactive_ttl: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    The maximum time (in seconds) between jobs to keep the session active
    """
    max_ttl: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    The maximum time (in seconds) for session to run, subject to plan limits
    """
    active_ttl: Annotated[int | None, Field(ge=1, le=2147483647)] = None
    """
    The remaining time (in seconds) for the session to be in the active state while jobs are running.
    """
    state: Literal["open", "active", "inactive", "closed"] | None = None
    """
    The state of the session.
    - open: The session is waiting to run jobs.
    - active: The session has priority to run jobs on the backend and is running jobs or is waiting for more jobs to run.
    - inactive: The session does not have priority and is not running any jobs.
    - closed: The session is not running any jobs and will not accept/run new jobs.

    """
    state_reason: str | None = None
    """
    The reason for the state change.
    """
    accepting_jobs: bool | None = None
    """
    If true, the session is actively accepting new jobs to be queued. If false, jobs will be rejected on create and the session will be immediately closed when there are no more jobs to run in the session.
    """
    mode: Literal["batch", "dedicated"]
    """
    Execution mode to run the session in
    """
    timestamps: list[SessionTimestamp] | None = None
    user_id: str | None = None
    """
    The id of the user who created the session.
    """
    elapsed_time: float | None = None
    """
    Usage in seconds. Can be null for ongoing sessions.
    """


class SessionRequest(SessionRequestBase):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )


class BackendConfiguration(BaseModel):
    """
    Backends Configuration Response
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    acquisition_latency: Annotated[list[list[float]] | None, Field(max_length=2147483647)] = None
    """
    Array of dimension n_qubits x n_registers. Latency (in units of dt) to write a measurement result from qubit n into register slot m.
    """
    backend_name: Annotated[str, Field(max_length=64, min_length=1, pattern="^[a-zA-Z0-9_]*$")]
    """
    Backend name
    """
    backend_version: Annotated[
        str, Field(max_length=16, min_length=5, pattern="^[0-9]+\\.[0-9]+\\.[0-9]+$")
    ]
    """
    Backend version in the form X.X.X
    """
    basis_gates: Annotated[list[str], Field(max_length=64, min_length=1)]
    """
    List of basis gate names on the backend
    """
    clops: BackendsConfigurationResponseClops | int | None = None
    """
    Circuit layer operations per second (CLOPS). A measure of how many layers of a 100x100 hardware-aware circuit a QPU can execute per second.
    """
    clops_h: int | str | None = None
    """
    Hardware Circuit Layer Operations Per Second (CLOPS_h). Measures how many circuit layers the QPU can execute per second on hardware.
    """
    clops_v: int | str | None = None
    """
    Virtual CLOPS — may be a numeric value or descriptive string if unavailable.
    """
    conditional: bool
    """
    Backend supports conditional operations (true/false)
    """
    conditional_latency: list[list[float]] | None = None
    """
    Array of dimension n_channels [d->u->m] x n_registers. Latency (in units of dt) to do a conditional operation on channel n from register slot m
    """
    configurable: bool = False
    """
    Backend is configurable, if the backend is a simulator (true/false)
    """
    coupling_map: Annotated[list[list[int]] | None, Field(max_length=2147483647, min_length=1)]
    """
    Array grouping qubits that are physically coupled together on the backend
    """
    credits_required: bool = False
    """
    Backend requires credits to run a job (true/false)
    """
    description: Annotated[str | None, Field(max_length=64, min_length=1, pattern="^.*$")] = None
    """
    Description of the backend
    """
    display_name: Annotated[
        str | None, Field(max_length=64, min_length=1, pattern="^[a-zA-Z0-9]*$")
    ] = None
    """
    Alternate name field for the backend
    """
    discriminators: Annotated[list[str] | None, Field(max_length=64, min_length=1)] = None
    """
    Available discriminators
    """
    dt: Annotated[float | None, Field(ge=0.0)] = None
    """
    Time discretization for the drive and U channels
    """
    dtm: Annotated[float | None, Field(ge=0.0)] = None
    """
    Time discretization for the measurement channels
    """
    default_rep_delay: Annotated[float | None, Field(ge=0.0, le=2147483647.0)] = None
    """
    Default rep delay.
    """
    dynamic_reprate_enabled: bool = False
    """
    Whether delay between programs can be set dynamically using 'rep_delay'.
    """
    gates: Annotated[list[BackendConfigurationGate], Field(max_length=64, min_length=1)]
    """
    List of basis gates on the backend
    """
    hamiltonian: BackendConfigurationHamiltonian | None = None
    local: bool
    """
    Backend is local or remote (true/false)
    """
    max_experiments: Annotated[int | None, Field(ge=1, le=9007199254740991)] = None
    """
    Maximum number of experiments supported
    """
    max_shots: Annotated[int | None, Field(ge=1, le=9007199254740991)] = None
    """
    Maximum number of shots supported
    """
    meas_levels: Annotated[list[int] | None, Field(max_length=3, min_length=1)] = None
    """
    Available measurement levels on the backend
    """
    meas_lo_range: Annotated[
        list[list[float]] | None, Field(max_length=2147483648, min_length=1)
    ] = None
    """
    Frequency range for the measurement LO
    """
    meas_map: Annotated[list[list[int]] | None, Field(max_length=2147483647, min_length=1)] = None
    """
    Grouping of measurement which are multiplexed
    """
    measure_esp_enabled: bool = False
    """
    Whether ESP readout is supported by the backend.
    """
    memory: bool
    """
    Backend supports memory (true/false)
    """
    n_qubits: Annotated[int, Field(ge=1, le=2147483647)]
    """
    Number of qubits
    """
    n_registers: Annotated[float, Field(ge=1.0, le=2147483647.0)] = 1
    """
    Number of register slots available for feedback (if conditional is true)
    """
    n_uchannels: Annotated[float | None, Field(ge=0.0, le=9007199254740991.0)] = None
    """
    Number of additional control channels
    """
    online_date: datetime
    """
    Date the backend went online
    """
    open_pulse: bool | None = None
    """
    If present, open_pulse = false schema applies
    """
    parametric_pulses: Annotated[list[str] | None, Field(max_length=1024, min_length=0)] = None
    """
    A list of available parametric pulse shapes
    """
    processor_type: BackendConfigurationProcessorType | None = None
    quantum_volume: Annotated[float | None, Field(ge=1.0, le=9007199254740991.0)] = None
    """
    Backend quantum volume
    """
    qubit_lo_range: Annotated[
        list[list[float]] | None, Field(max_length=2147483648, min_length=1)
    ] = None
    """
    Frequency range for the qubit LO
    """
    register_map: Annotated[list[list[int]] | None, Field(max_length=2147483647, min_length=1)] = (
        None
    )
    """
    An array of dimension n_qubits X n_registers indicating storage capability
    """
    rep_delay_range: Annotated[list[float] | None, Field(max_length=2, min_length=2)] = None
    """
    Range of delay times between programs (microseconds) allowed by backend.
    """
    rep_times: Annotated[list[float] | None, Field(max_length=64, min_length=1)] = None
    """
    Program execution times (microseconds) supported by backend.
    """
    sample_name: Annotated[
        str | None, Field(max_length=64, min_length=1, pattern="^[a-zA-Z0-9_.,:\\s]*$")
    ] = None
    """
    Sample name
    """
    simulator: bool = False
    """
    Backend is a simulator (true/false)
    """
    supported_features: Annotated[list[str] | None, Field(max_length=64, min_length=0)] = None
    """
    Array of features supported by the backend such as qasm3
    """
    supported_instructions: Annotated[list[str] | None, Field(max_length=64, min_length=0)] = None
    """
    Instructions supported by the backend.
    """
    tags: Annotated[list[str] | None, Field(max_length=64, min_length=1)] = None
    """
    Tags for the backend
    """
    timing_constraints: BackendConfigurationTimingConstraints | None = None
    u_channel_lo: list[list[BackendConfigurationUChannelLoItemItem]] | None = None
    allow_q_object: bool | None = None
    """
    Whether the backend takes Qobj jobs (sent by 69 of 69).
    """
    url: str | None = None
    """
    The backend's URL; all 69 recordings send the string `None` (sent by 69 of 69).
    """
    meas_kernels: list[str] | None = None
    """
    Available measurement kernels (`hw_qmfk`, `hw_boxcar`), or null (sent by 61 of 69).
    """
    multi_meas_enabled: bool | None = None
    """
    Whether a circuit may measure a qubit more than once (sent by 60 of 69).
    """
    uchannels_enabled: bool | None = None
    """
    Whether U channels are available (sent by 54 of 69).
    """
    qubit_channel_mapping: list[list[str]] | None = None
    """
    For each qubit, the channels that act on it (`["m0", "d0", "u1"]`) (sent by 53 of 69).
    """
    channels: dict[str, BackendChannel] | None = None
    """
    Every channel by name (`d0`, `m0`, `u0`, `acquire0`): what it operates on and its purpose (sent by 50 of 69).
    """
    allow_object_storage: bool | None = None
    """
    Whether job data may be kept in object storage (sent by 38 of 69).
    """
    parallel_compilation: bool | None = None
    """
    Sent by 33 of 69.
    """
    coords: list[list[int]] | None = None
    """
    One coordinate pair per qubit (sent by 30 of 69).
    """
    instruction_signatures: list[BackendInstructionSignature] | None = None
    """
    Sent by 9 of 69.
    """
    input_allowed: list[str] | None = None
    """
    Sent by 6 of 69.
    """
    pulse_num_channels: int | None = None
    """
    Sent by 6 of 69.
    """
    pulse_num_qubits: int | None = None
    """
    Sent by 6 of 69.
    """
    live_data: bool | None = None
    """
    Sent by 4 of 69.
    """


class BackendProperties(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    backend_name: Annotated[str, Field(max_length=64, min_length=1, pattern="^[a-zA-Z0-9_]*$")]
    """
    Backend name
    """
    backend_version: Annotated[
        str, Field(max_length=16, min_length=5, pattern="^[0-9]+.[0-9]+.[0-9]+$")
    ]
    """
    Backend version in the form X.X.X
    """
    gates: Annotated[list[BackendPropertiesGate], Field(max_length=2147483647, min_length=0)]
    """
    System gate parameters
    """
    general: Annotated[list[Nduv], Field(max_length=9007199254740991, min_length=0)]
    """
    General system parameters
    """
    last_update_date: datetime
    """
    Last date/time that a property was updated.
    """
    qubits: list[list[Nduv]]
    general_qlists: list[BackendPropertiesGeneralQlist] | None = None
    """
    Named lists of qubits (`lf_4`: a layered-fidelity chain) (sent by 30 of 70).
    """


class BackendsResponseV2Device(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: Annotated[str, Field(max_length=255, min_length=1)]
    """
    The name of the backend device
    """
    status: BackendsResponseV2DeviceStatus
    is_simulator: bool | None = None
    """
    Indicates if the device is a simulator
    """
    qubits: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The number of qubits in the device
    """
    clops: BackendsResponseV2DeviceClops | None = None
    processor_type: BackendsResponseV2DeviceProcessorType | None = None
    queue_length: Annotated[int, Field(ge=0, le=2147483647)]
    """
    The number of jobs waiting to be executed
    """
    performance_metrics: ResponseV2DevicePerformanceMetrics | None = None
    wait_time_seconds: BackendsResponseV2DeviceWaitTimeSeconds | None = None


class CreateSessionRequest(RootModel[SessionRequest | ChannelPartnerSessionRequest]):
    root: SessionRequest | ChannelPartnerSessionRequest


class EstimatorV2InputOptions(BaseModel):
    """
    Options for V2 Estimator
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    seed_estimator: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    Seed used to control sampling
    """
    default_precision: Annotated[float | None, Field(gt=0.0)] = None
    """
    The default precision to use if a precision is not specified for a PUB or for this job.
    """
    default_shots: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    The total number of shots to use per circuit per configuration. If set, this value overrides default_precision.
    """
    dynamical_decoupling: SamplerV2InputOptionsDynamicalDecoupling | None = None
    resilience: EstimatorV2InputOptionsResilience | None = None
    execution: EstimatorV2InputOptionsExecution | None = None
    twirling: SamplerV2InputOptionsTwirling | None = None
    simulator: SamplerV2InputOptionsSimulator | None = None
    experimental: dict[str, Any] | None = None
    """
    Experimental options.
    """


class JobResponseRemoteStorage(StorageLocation, RemoteStorage):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )


class NoiseLearnerInput(BaseModel):
    """
    The input for a NoiseLearner API call
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    circuits: list[Any]
    """
    The circuits on which to perform noise learning.
    """
    options: NoiseLearnerInputOptions | None = None
    version: Literal[2] | None = None
    """
    For NoiseLearner, should always be 2
    """


class ProgramParamsChannelPartner(BaseModel):
    """
    Program run params for Qiskit Runtime instances with the Channel Partner plan
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    remote_storage: JobResponseRemoteStorage


class SamplerV2Input(BaseModel):
    """
    The input for an SamplerV2 API call
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    pubs: list[list[Any] | Any]
    """
    Primitive Unit Blocs of data. Each PUB is of the form (Circuit, Parameters, Shots) where the circuit is required, parameters should be passed only for parametrized circuits, and shots is optional
    """
    options: SamplerV2InputOptions | None = None
    shots: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    Default number of shots which applies to all PUBs without shots. This overrides default_shots specified in options.
    """
    support_qiskit: bool | None = None
    """
    If True, returns a Qiskit-style output, meant to be parsed using the runtime result decoder, or resort to returning pure JSON results (resulting in larger objects)
    """
    version: Literal[2] | None = None
    """
    For SamplerV2, version should always be 2
    """


class BackendsResponseV2(BaseModel):
    """
    Backends Response when `IBM-API-Version >= 2025-01-01`
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    devices: Annotated[list[BackendsResponseV2Device], Field(min_length=1)]
    """
    A list of backends with their status
    """


class ChannelPartnerJobRequest(ProgramParams, ProgramParamsChannelPartner):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )


class EstimatorV2Input(BaseModel):
    """
    The input for an EstimatorV2 API call
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    pubs: list[list[Any]]
    """
    Primitive Unit Blocs of data. Each PUB is of the form (Circuit, Observables, Parameters, Precision) where the circuit and observables are required, parameters should be passed only for parametrized circuits, and precision is optional
    """
    options: EstimatorV2InputOptions | None = None
    resilience_level: Annotated[int | None, Field(ge=0, le=2)] = None
    """
    How much resilience to build against errors
    """
    precision: Annotated[float | None, Field(gt=0.0)] = None
    """
    Default precision level which applies to all PUBs without precision. This overrides default_precision and default_shots specified in options.
    """
    support_qiskit: bool | None = None
    """
    If True, returns a qiskit-style output, meant to be parsed using the runtime result decoder, or resort to returning pure JSON results (resulting in larger objects)
    """
    version: Literal[2] | None = None
    """
    For EstimatorV2, version should always be 2
    """


class JobResponse(BaseModel):
    """
    A job
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    """
    Identifier assigned to the job
    """
    backend: Annotated[str | None, Field(pattern="^.*$")] = None
    """
    **Warning:** While this parameter is not currently required for requests, specifying it is strongly encouraged. Running an ISA circuit on a backend that has a different instruction set will result in an error. The backend parameter will be required in a future release.

    The backend on which to run the program.  If no backend is specified, the job is sent to the backend with the shortest queue that you have access to.

    """
    state: JobState
    status: Literal[
        "Queued", "Running", "Completed", "Cancelled", "Cancelled - Ran too long", "Failed"
    ]
    """
    Current status of the job
    """
    params: dict[str, Any] | None = None
    """
    Parameters used to execute the job
    """
    program: JobResponseProgram
    created: str
    """
    UTC timestamp for when the job was created
    """
    runtime: str | None = None
    """
    Name and tag of the image to use when running a program (IBM Quantum channel users only)
    """
    cost: Annotated[int, Field(ge=0, le=10800)]
    """
    Cost of the job as the estimated time it should take to complete (in seconds). Should not exceed the cost of the program. If the provided value exceeds the maximum, it will be capped at that value.
    """
    tags: Annotated[list[str] | None, Field(max_length=5, min_length=1)] = None
    """
    List of job or program tags
    """
    remote_storage: JobResponseRemoteStorage | None = None
    session_id: str | None = None
    """
    Identifier of the session that the job is a part of
    """
    user_id: str | None = None
    """
    The id of the user submitted the job
    """
    usage: Usage | None = None
    private: bool | None = None
    """
    When set to true, input parameters are not returned, and the results can only be read once. After the job is completed, input parameters are deleted from the service. After the results are read, they are deleted from the service. When set to false, the input parameters and results follow the standard retention behavior of the API. Only returned in the response if the value is true, otherwise it is omitted.
    """
    estimated_running_time_seconds: float | None = None
    """
    Estimated usage in seconds
    """
    calibration_id: str | None = None
    """
    The ID of the calibration used for the job
    """


class JobsResponse(BaseModel):
    """
    Jobs collection response
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    jobs: list[JobResponse] | None = None
    """
    A list of jobs
    """
    count: Annotated[int | None, Field(ge=0, le=2147483647)] = None
    """
    Total number of jobs for the user
    """
    offset: Annotated[int, Field(ge=0, le=2147483647)]
    """
    Offset at which paginated results are returned
    """
    limit: Annotated[int, Field(ge=1, le=200)]
    """
    Maximum number of results returned in the paginated response
    """


class JobParams(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    params: SamplerV2Input | EstimatorV2Input | NoiseLearnerInput | None = None
    private: bool | None = None
    """
    When set to true, input parameters are not returned, and the results can only be read once. After the job is completed, input parameters are deleted from the service. After the results are read, they are deleted from the service. When set to false, the input parameters and results follow the standard retention behavior of the API. Only returned in the response if the value is true, otherwise it is omitted.
    """


class JobRequest(ProgramParams, JobParams):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )


class CreateJobRequest(RootModel[JobRequest | ChannelPartnerJobRequest]):
    root: JobRequest | ChannelPartnerJobRequest


# Models written under another name, and models that are not classes (unions,
# arrays, scalars), as type aliases.

BackendConfigurationClops: TypeAlias = BackendsConfigurationResponseClops | int | None
PrimitiveInput: TypeAlias = SamplerV2Input | EstimatorV2Input | NoiseLearnerInput
