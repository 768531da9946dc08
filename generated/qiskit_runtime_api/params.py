"""Request bodies and parameters as dicts: a ``TypedDict`` per model a request sends.

Every method that takes a model (``models.X``) takes a dict too, typed here as
``XParam``: mypy and IDEs check its keys and values. Keys the schema requires are
``Required``; nested models may be dicts or models. Generated: do not edit.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeAlias

from typing_extensions import Required, TypedDict

from . import models

__all__ = [
    "ChannelPartnerJobRequestParam",
    "ChannelPartnerSessionRequestParam",
    "CosStorageLocationParam",
    "CreateJobRequestParam",
    "CreateSessionRequestParam",
    "EstimatorV2InputOptionsExecutionParam",
    "EstimatorV2InputOptionsParam",
    "EstimatorV2InputOptionsResilienceParam",
    "EstimatorV2InputOptionsResiliencePecParam",
    "EstimatorV2InputOptionsResilienceZneParam",
    "EstimatorV2InputParam",
    "InputOptionsResilienceLayerNoiseLearningParam",
    "JobParamsParam",
    "JobRequestParam",
    "JobResponseRemoteStorageParam",
    "NoiseLearnerInputOptionsParam",
    "NoiseLearnerInputParam",
    "OptionsResilienceMeasureNoiseLearningParam",
    "PrimitiveInputParam",
    "ProgramParamsChannelPartnerParam",
    "ProgramParamsParam",
    "RemoteStorageParam",
    "ReplaceInstanceConfigurationRequestParam",
    "ReplaceJobTagsRequestParam",
    "SamplerV2InputOptionsDynamicalDecouplingParam",
    "SamplerV2InputOptionsExecutionParam",
    "SamplerV2InputOptionsParam",
    "SamplerV2InputOptionsSimulatorParam",
    "SamplerV2InputOptionsTwirlingParam",
    "SamplerV2InputParam",
    "SessionRequestBaseParam",
    "SessionRequestParam",
    "StorageLocationParam",
    "UpdateSessionRequestParam",
]


class StorageLocationParam(TypedDict, total=False):
    """``models.StorageLocation`` as a dict."""

    type: Literal["ibmcloud_cos"]

    region: Required[str]
    """Region, Cross-Region, or Single Data Center as defined by IBM Cloud Object Storage (https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-endpoints)"""

    region_type: Required[Literal["regional", "cross-region", "single-site"]]

    bucket_crn: Required[str]
    """Fully specified <a href="https://cloud.ibm.com/docs/account?topic=account-crn">CRN</a> for the target Cloud Object Storage bucket"""

    object_name: Required[str]
    """Name/ID of the object in the IBM Cloud Object Storage bucket. May *not* be specified in the default remote storage option."""


class JobResponseRemoteStorageParam(TypedDict, total=False):
    """``models.JobResponseRemoteStorage`` as a dict."""

    type: Literal["ibmcloud_cos"]

    region: Required[str]
    """Region, Cross-Region, or Single Data Center as defined by IBM Cloud Object Storage (https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-endpoints)"""

    region_type: Required[Literal["regional", "cross-region", "single-site"]]

    bucket_crn: Required[str]
    """Fully specified <a href="https://cloud.ibm.com/docs/account?topic=account-crn">CRN</a> for the target Cloud Object Storage bucket"""

    object_name: Required[str]
    """Name/ID of the object in the IBM Cloud Object Storage bucket. May *not* be specified in the default remote storage option."""

    job_params: Required[StorageLocationParam | models.StorageLocation]

    results: Required[StorageLocationParam | models.StorageLocation]

    logs: StorageLocationParam | models.StorageLocation


class ChannelPartnerJobRequestParam(TypedDict, total=False):
    """``models.ChannelPartnerJobRequest`` as a dict."""

    program_id: Required[str]
    """ID of the program to be executed"""

    backend: Required[str]
    """Name that identifies the backend on which to run the program."""

    runtime: str
    """Name and tag of the image to use when running a program (IBM Quantum channel users only). Should follow the pattern "name:tag"."""

    tags: Sequence[str]
    """List of job or program tags"""

    log_level: Literal["critical", "error", "warning", "info", "debug"]
    """Logging level of the program"""

    cost: int
    """Cost of the job as the estimated time it should take to complete (in seconds). Should not exceed the cost of the program. If the provided value exceeds the maximum, it will be capped at that value."""

    session_id: str
    """Identifier of the session that the job is a part of"""

    calibration_id: str
    """The ID of the calibration used for the job"""

    remote_storage: Required[JobResponseRemoteStorageParam | models.JobResponseRemoteStorage]


class ChannelPartnerSessionRequestParam(TypedDict, total=False):
    """``models.ChannelPartnerSessionRequest`` as a dict: Request to create a session. Only for use by channel partner."""

    interactive_ttl: Required[int]
    """The maximum time (in seconds) between jobs to keep the session active. Must be less than or equal to `active_ttl`."""

    active_ttl: int
    """The remaining time (in seconds) for the session to be in the active state while jobs are running. Must be less than or equal to `max_ttl`. Defaults to `max_ttl`."""

    max_ttl: int
    """The maximum time (in seconds) for the session to run, subject to plan limits."""

    mode: Required[Literal["batch", "dedicated"]]
    """Execution mode to run the session in"""

    backend: str
    """Backend name"""

    backend_name: str
    """Backend name (fallback)"""


class CosStorageLocationParam(TypedDict, total=False):
    """``models.CosStorageLocation`` as a dict: Remote storage metadata for where data is stored or to be stored in an IBM Cloud Object Storage bucket. Required fields may be omitted in field specific objected if allowed and defined in the default remote storage option."""

    type: Literal["ibmcloud_cos"]

    region: Required[str]
    """Region, Cross-Region, or Single Data Center as defined by IBM Cloud Object Storage (https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-endpoints)"""

    region_type: Required[Literal["regional", "cross-region", "single-site"]]

    bucket_crn: Required[str]
    """Fully specified <a href="https://cloud.ibm.com/docs/account?topic=account-crn">CRN</a> for the target Cloud Object Storage bucket"""

    object_name: Required[str]
    """Name/ID of the object in the IBM Cloud Object Storage bucket. May *not* be specified in the default remote storage option."""


class EstimatorV2InputOptionsExecutionParam(TypedDict, total=False):
    """``models.EstimatorV2InputOptionsExecution`` as a dict: Execution options"""

    init_qubits: bool
    """Whether to reset the qubits to the ground state for each shot"""

    rep_delay: float
    """The delay between a measurement and the subsequent quantum circuit"""


class EstimatorV2InputOptionsResiliencePecParam(TypedDict, total=False):
    """``models.EstimatorV2InputOptionsResiliencePec`` as a dict: Additional probabilistic error cancellation mitigation options"""

    max_overhead: float | None
    """The maximum circuit sampling overhead allowed"""

    noise_gain: float | Literal["auto"]
    """The amount by which to scale the noise"""


class EstimatorV2InputOptionsResilienceZneParam(TypedDict, total=False):
    """``models.EstimatorV2InputOptionsResilienceZne`` as a dict: Additional zero noise extrapolation mitigation options"""

    noise_factors: Any
    """A list of floats representing noise factors to use for noise amplification"""

    extrapolator: (
        Sequence[
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
    )
    """Extrapolator(s) to try (in order) for extrapolating to zero noise"""

    amplifier: Literal["gate_folding", "gate_folding_front", "gate_folding_back", "pea"]
    """Technique to use for amplifying noise."""

    extrapolated_noise_factors: Any
    """A list of floats representing noise factors to evaluate the fit extrapolation models at, or the string 'auto' to set them based on the noise factors."""


class InputOptionsResilienceLayerNoiseLearningParam(TypedDict, total=False):
    """``models.InputOptionsResilienceLayerNoiseLearning`` as a dict: Layer noise learning options"""

    max_layers_to_learn: int | None
    """The max number of unique layers to learn"""

    shots_per_randomization: int
    """The total number of shots to use per random learning circuit"""

    num_randomizations: int
    """The number of random circuits to use per learning circuit configuration"""

    layer_pair_depths: Any
    """A list of integers representing the circuit depths (measured in number of pairs) to use in learning experiments"""


class OptionsResilienceMeasureNoiseLearningParam(TypedDict, total=False):
    """``models.OptionsResilienceMeasureNoiseLearning`` as a dict: Additional measurement noise learning options"""

    num_randomizations: int
    """The number of random circuits to draw for the measurement learning experiment"""

    shots_per_randomization: int | Literal["auto"]
    """The number of shots to use for the learning experiment per random circuit."""


class EstimatorV2InputOptionsResilienceParam(TypedDict, total=False):
    """``models.EstimatorV2InputOptionsResilience`` as a dict: Advanced resilience options to fine tune the resilience strategy"""

    measure_mitigation: bool
    """Whether to enable measurement error mitigation method"""

    measure_noise_learning: (
        OptionsResilienceMeasureNoiseLearningParam | models.OptionsResilienceMeasureNoiseLearning
    )

    zne_mitigation: bool
    """Whether to turn on Zero Noise Extrapolation error mitigation method"""

    zne: EstimatorV2InputOptionsResilienceZneParam | models.EstimatorV2InputOptionsResilienceZne

    pec_mitigation: bool
    """Whether to turn on Probabilistic Error Cancellation error mitigation method"""

    pec: EstimatorV2InputOptionsResiliencePecParam | models.EstimatorV2InputOptionsResiliencePec

    layer_noise_learning: (
        InputOptionsResilienceLayerNoiseLearningParam
        | models.InputOptionsResilienceLayerNoiseLearning
    )

    layer_noise_model: Any
    """A NoiseLearnerResult or a sequence of LayerError objects, or ``None`` to invoke a noise-learning stage when necessary."""


class SamplerV2InputOptionsDynamicalDecouplingParam(TypedDict, total=False):
    """``models.SamplerV2InputOptionsDynamicalDecoupling`` as a dict: Suboptions for dynamical decoupling"""

    enable: bool
    """Whether to enable DD as specified by the other options in this class"""

    sequence_type: Literal["XX", "XpXm", "XY4"]
    """Which dynamical decoupling sequence to use"""

    extra_slack_distribution: Literal["middle", "edges"]
    """Where to put extra timing delays due to rounding issues"""

    scheduling_method: Literal["alap", "asap"]
    """Whether to schedule gates as soon as ('asap') or as late as ('alap') possible"""

    skip_reset_qubits: bool
    """Whether to insert DD on idle periods that immediately follow initialized/reset qubits."""


class SamplerV2InputOptionsSimulatorParam(TypedDict, total=False):
    """``models.SamplerV2InputOptionsSimulator`` as a dict: Simulator options"""

    noise_model: Mapping[str, Any] | None
    """Noise model for the simulator."""

    seed_simulator: int | None
    """Random seed to control sampling."""

    coupling_map: Sequence[Any] | None
    """Directed coupling map to target in mapping."""

    basis_gates: Sequence[str | None]
    """List of basis gate names to unroll to."""


class SamplerV2InputOptionsTwirlingParam(TypedDict, total=False):
    """``models.SamplerV2InputOptionsTwirling`` as a dict: Twirling options"""

    enable_gates: bool
    """Whether to apply 2-qubit gate twirling"""

    enable_measure: bool
    """Whether to apply measurement twirling"""

    num_randomizations: int | Literal["auto"]
    """The number of random samples to use when twirling or performing sampled mitigation"""

    shots_per_randomization: int | Literal["auto"]
    """The number of shots to run for each random sample"""

    strategy: Literal["active", "active-circuit", "active-accum", "all"]
    """The strategy of twirling qubits in identified layers of 2-qubit twirled gates"""


class EstimatorV2InputOptionsParam(TypedDict, total=False):
    """``models.EstimatorV2InputOptions`` as a dict: Options for V2 Estimator"""

    seed_estimator: int | None
    """Seed used to control sampling"""

    default_precision: float
    """The default precision to use if a precision is not specified for a PUB or for this job."""

    default_shots: int | None
    """The total number of shots to use per circuit per configuration. If set, this value overrides default_precision."""

    dynamical_decoupling: (
        SamplerV2InputOptionsDynamicalDecouplingParam
        | models.SamplerV2InputOptionsDynamicalDecoupling
    )

    resilience: EstimatorV2InputOptionsResilienceParam | models.EstimatorV2InputOptionsResilience

    execution: EstimatorV2InputOptionsExecutionParam | models.EstimatorV2InputOptionsExecution

    twirling: SamplerV2InputOptionsTwirlingParam | models.SamplerV2InputOptionsTwirling

    simulator: SamplerV2InputOptionsSimulatorParam | models.SamplerV2InputOptionsSimulator

    experimental: Mapping[str, Any]
    """Experimental options."""


class EstimatorV2InputParam(TypedDict, total=False):
    """``models.EstimatorV2Input`` as a dict: The input for an EstimatorV2 API call"""

    pubs: Required[Sequence[Sequence[Any]]]
    """Primitive Unit Blocs of data. Each PUB is of the form (Circuit, Observables, Parameters, Precision) where the circuit and observables are required, parameters should be passed only for parametrized circuits, and precision is optional"""

    options: EstimatorV2InputOptionsParam | models.EstimatorV2InputOptions

    resilience_level: int
    """How much resilience to build against errors"""

    precision: float | None
    """Default precision level which applies to all PUBs without precision. This overrides default_precision and default_shots specified in options."""

    support_qiskit: bool
    """If True, returns a qiskit-style output, meant to be parsed using the runtime result decoder, or resort to returning pure JSON results (resulting in larger objects)"""

    version: Literal[2]
    """For EstimatorV2, version should always be 2"""


class NoiseLearnerInputOptionsParam(TypedDict, total=False):
    """``models.NoiseLearnerInputOptions`` as a dict: NoiseLearner options"""

    simulator: SamplerV2InputOptionsSimulatorParam | models.SamplerV2InputOptionsSimulator

    max_layers_to_learn: int | None
    """The max number of unique layers to learn"""

    shots_per_randomization: int
    """The total number of shots to use per random learning circuit"""

    num_randomizations: int
    """The number of random circuits to use per learning circuit configuration"""

    layer_pair_depths: Sequence[int]
    """The circuit depths (measured in number of pairs) to use in learning experiments"""

    twirling_strategy: Literal["active", "active-circuit", "active-accum", "all"]
    """The strategy of twirling qubits in identified layers of 2-qubit twirled gates"""

    experimental: Mapping[str, Any]
    """Experimental options."""

    support_qiskit: bool
    """If True, returns a Qiskit-style output, meant to be parsed using the runtime result decoder, or resort to returning pure JSON results (resulting in larger objects)"""


class NoiseLearnerInputParam(TypedDict, total=False):
    """``models.NoiseLearnerInput`` as a dict: The input for a NoiseLearner API call"""

    circuits: Required[Sequence[Any]]
    """The circuits on which to perform noise learning."""

    options: NoiseLearnerInputOptionsParam | models.NoiseLearnerInputOptions

    version: Literal[2]
    """For NoiseLearner, should always be 2"""


class SamplerV2InputOptionsExecutionParam(TypedDict, total=False):
    """``models.SamplerV2InputOptionsExecution`` as a dict: Execution options"""

    init_qubits: bool
    """Whether to reset the qubits to the ground state for each shot"""

    rep_delay: float
    """The delay between a measurement and the subsequent quantum circuit"""

    meas_type: Literal["classified", "kerneled", "avg_kerneled"]
    """How to process and return measurement results"""


class SamplerV2InputOptionsParam(TypedDict, total=False):
    """``models.SamplerV2InputOptions`` as a dict: Options for V2 Sampler"""

    default_shots: int
    """The default number of shots to use if none are specified in the PUBs"""

    dynamical_decoupling: (
        SamplerV2InputOptionsDynamicalDecouplingParam
        | models.SamplerV2InputOptionsDynamicalDecoupling
    )

    execution: SamplerV2InputOptionsExecutionParam | models.SamplerV2InputOptionsExecution

    twirling: SamplerV2InputOptionsTwirlingParam | models.SamplerV2InputOptionsTwirling

    simulator: SamplerV2InputOptionsSimulatorParam | models.SamplerV2InputOptionsSimulator

    experimental: Mapping[str, Any]
    """Experimental options."""


class SamplerV2InputParam(TypedDict, total=False):
    """``models.SamplerV2Input`` as a dict: The input for an SamplerV2 API call"""

    pubs: Required[Sequence[Any]]
    """Primitive Unit Blocs of data. Each PUB is of the form (Circuit, Parameters, Shots) where the circuit is required, parameters should be passed only for parametrized circuits, and shots is optional"""

    options: SamplerV2InputOptionsParam | models.SamplerV2InputOptions

    shots: int | None
    """Default number of shots which applies to all PUBs without shots. This overrides default_shots specified in options."""

    support_qiskit: bool
    """If True, returns a Qiskit-style output, meant to be parsed using the runtime result decoder, or resort to returning pure JSON results (resulting in larger objects)"""

    version: Literal[2]
    """For SamplerV2, version should always be 2"""


PrimitiveInputParam: TypeAlias = (
    SamplerV2InputParam | EstimatorV2InputParam | NoiseLearnerInputParam
)


class JobRequestParam(TypedDict, total=False):
    """``models.JobRequest`` as a dict."""

    program_id: Required[str]
    """ID of the program to be executed"""

    backend: Required[str]
    """Name that identifies the backend on which to run the program."""

    runtime: str
    """Name and tag of the image to use when running a program (IBM Quantum channel users only). Should follow the pattern "name:tag"."""

    tags: Sequence[str]
    """List of job or program tags"""

    log_level: Literal["critical", "error", "warning", "info", "debug"]
    """Logging level of the program"""

    cost: int
    """Cost of the job as the estimated time it should take to complete (in seconds). Should not exceed the cost of the program. If the provided value exceeds the maximum, it will be capped at that value."""

    session_id: str
    """Identifier of the session that the job is a part of"""

    calibration_id: str
    """The ID of the calibration used for the job"""

    params: PrimitiveInputParam | models.PrimitiveInput

    private: bool
    """When set to true, input parameters are not returned, and the results can only be read once. After the job is completed, input parameters are deleted from the service. After the results are read, they are deleted from the service. When set to false, the input parameters and results follow the standard retention behavior of the API. Only returned in the response if the value is true, otherwise it is omitted."""


CreateJobRequestParam: TypeAlias = JobRequestParam | ChannelPartnerJobRequestParam


class SessionRequestParam(TypedDict, total=False):
    """``models.SessionRequest`` as a dict."""

    max_ttl: int
    """The maximum time (in seconds) for the session to run, subject to plan limits."""

    mode: Required[Literal["batch", "dedicated"]]
    """Execution mode to run the session in"""

    backend: str
    """Backend name"""

    backend_name: str
    """Backend name (fallback)"""


CreateSessionRequestParam: TypeAlias = SessionRequestParam | ChannelPartnerSessionRequestParam


class JobParamsParam(TypedDict, total=False):
    """``models.JobParams`` as a dict."""

    params: PrimitiveInputParam | models.PrimitiveInput

    private: bool
    """When set to true, input parameters are not returned, and the results can only be read once. After the job is completed, input parameters are deleted from the service. After the results are read, they are deleted from the service. When set to false, the input parameters and results follow the standard retention behavior of the API. Only returned in the response if the value is true, otherwise it is omitted."""


class ProgramParamsChannelPartnerParam(TypedDict, total=False):
    """``models.ProgramParamsChannelPartner`` as a dict: Program run params for Qiskit Runtime instances with the Channel Partner plan"""

    remote_storage: Required[JobResponseRemoteStorageParam | models.JobResponseRemoteStorage]


class ProgramParamsParam(TypedDict, total=False):
    """``models.ProgramParams`` as a dict: Parameters used to run a job"""

    program_id: Required[str]
    """ID of the program to be executed"""

    backend: Required[str]
    """Name that identifies the backend on which to run the program."""

    runtime: str
    """Name and tag of the image to use when running a program (IBM Quantum channel users only). Should follow the pattern "name:tag"."""

    tags: Sequence[str]
    """List of job or program tags"""

    log_level: Literal["critical", "error", "warning", "info", "debug"]
    """Logging level of the program"""

    cost: int
    """Cost of the job as the estimated time it should take to complete (in seconds). Should not exceed the cost of the program. If the provided value exceeds the maximum, it will be capped at that value."""

    session_id: str
    """Identifier of the session that the job is a part of"""

    calibration_id: str
    """The ID of the calibration used for the job"""


class RemoteStorageParam(TypedDict, total=False):
    """``models.RemoteStorage`` as a dict: (Only enabled for Qiskit Runtime instances with the Channel Partner plan) Metadata and connection information on where job params are stored remotely
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
    ```"""

    job_params: Required[StorageLocationParam | models.StorageLocation]

    results: Required[StorageLocationParam | models.StorageLocation]

    logs: StorageLocationParam | models.StorageLocation


class ReplaceInstanceConfigurationRequestParam(TypedDict, total=False):
    """``models.ReplaceInstanceConfigurationRequest`` as a dict: instance configuration update"""

    instance_limit: int
    """This field can be null or an integer. Use null to reset/remove the instance limit."""


class ReplaceJobTagsRequestParam(TypedDict, total=False):
    """``models.ReplaceJobTagsRequest`` as a dict: Replace job tags request"""

    tags: Required[Sequence[str]]
    """List of job or program tags"""


class SessionRequestBaseParam(TypedDict, total=False):
    """``models.SessionRequestBase`` as a dict: Base request schema to create a session."""

    max_ttl: int
    """The maximum time (in seconds) for the session to run, subject to plan limits."""

    mode: Required[Literal["batch", "dedicated"]]
    """Execution mode to run the session in"""

    backend: str
    """Backend name"""

    backend_name: str
    """Backend name (fallback)"""


class UpdateSessionRequestParam(TypedDict, total=False):
    """``models.UpdateSessionRequest`` as a dict."""

    accepting_jobs: Required[bool]
    """If true, the session is actively accepting new jobs to be queued. If false, jobs will be rejected on create and the session will be immediately closed when there are no more jobs to run in the session."""
