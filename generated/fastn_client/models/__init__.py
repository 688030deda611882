"""Contains all the data models used in inputs/outputs"""

from .actor_type import ActorType
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_list import ApiKeyList
from .audit_actor import AuditActor
from .audit_event import AuditEvent
from .audit_event_list import AuditEventList
from .audit_outcome import AuditOutcome
from .audit_resource import AuditResource
from .auth_method import AuthMethod
from .billing import Billing
from .billing_quotas import BillingQuotas
from .billing_usage import BillingUsage
from .build_job import BuildJob
from .build_kind import BuildKind
from .build_request import BuildRequest
from .build_status import BuildStatus
from .chat_reply import ChatReply
from .chat_request import ChatRequest
from .connection import Connection
from .connection_create import ConnectionCreate
from .connection_list import ConnectionList
from .connection_status import ConnectionStatus
from .connector import Connector
from .connector_create import ConnectorCreate
from .connector_list import ConnectorList
from .connector_update import ConnectorUpdate
from .created_api_key import CreatedApiKey
from .customer import Customer
from .customer_create import CustomerCreate
from .customer_list import CustomerList
from .customer_status import CustomerStatus
from .customer_update import CustomerUpdate
from .data_residency import DataResidency
from .datasource_debug import DatasourceDebug
from .enforcement import Enforcement
from .error import Error
from .error_detail import ErrorDetail
from .execution import Execution
from .execution_error import ExecutionError
from .execution_input import ExecutionInput
from .execution_list import ExecutionList
from .execution_result_type_0 import ExecutionResultType0
from .execution_status import ExecutionStatus
from .execution_step import ExecutionStep
from .execution_tier import ExecutionTier
from .key_mode import KeyMode
from .permission import Permission
from .permission_action import PermissionAction
from .permission_grant import PermissionGrant
from .permission_resource import PermissionResource
from .plan import Plan
from .quota import Quota
from .quota_period import QuotaPeriod
from .retry_policy import RetryPolicy
from .role import Role
from .role_create import RoleCreate
from .role_list import RoleList
from .secret import Secret
from .secret_create import SecretCreate
from .secret_list import SecretList
from .step_status import StepStatus
from .trigger import Trigger
from .trigger_create import TriggerCreate
from .trigger_list import TriggerList
from .trigger_type import TriggerType
from .trigger_update import TriggerUpdate
from .triggered_by import TriggeredBy
from .usage_item import UsageItem
from .usage_metric import UsageMetric
from .user import User
from .user_invite import UserInvite
from .user_list import UserList
from .user_status import UserStatus
from .visibility import Visibility
from .workflow import Workflow
from .workflow_create import WorkflowCreate
from .workflow_list import WorkflowList
from .workflow_run_request import WorkflowRunRequest
from .workflow_run_request_input import WorkflowRunRequestInput
from .workflow_status import WorkflowStatus
from .workflow_update import WorkflowUpdate

__all__ = (
    "ActorType",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyList",
    "AuditActor",
    "AuditEvent",
    "AuditEventList",
    "AuditOutcome",
    "AuditResource",
    "AuthMethod",
    "Billing",
    "BillingQuotas",
    "BillingUsage",
    "BuildJob",
    "BuildKind",
    "BuildRequest",
    "BuildStatus",
    "ChatReply",
    "ChatRequest",
    "Connection",
    "ConnectionCreate",
    "ConnectionList",
    "ConnectionStatus",
    "Connector",
    "ConnectorCreate",
    "ConnectorList",
    "ConnectorUpdate",
    "CreatedApiKey",
    "Customer",
    "CustomerCreate",
    "CustomerList",
    "CustomerStatus",
    "CustomerUpdate",
    "DataResidency",
    "DatasourceDebug",
    "Enforcement",
    "Error",
    "ErrorDetail",
    "Execution",
    "ExecutionError",
    "ExecutionInput",
    "ExecutionList",
    "ExecutionResultType0",
    "ExecutionStatus",
    "ExecutionStep",
    "ExecutionTier",
    "KeyMode",
    "Permission",
    "PermissionAction",
    "PermissionGrant",
    "PermissionResource",
    "Plan",
    "Quota",
    "QuotaPeriod",
    "RetryPolicy",
    "Role",
    "RoleCreate",
    "RoleList",
    "Secret",
    "SecretCreate",
    "SecretList",
    "StepStatus",
    "Trigger",
    "TriggerCreate",
    "TriggeredBy",
    "TriggerList",
    "TriggerType",
    "TriggerUpdate",
    "UsageItem",
    "UsageMetric",
    "User",
    "UserInvite",
    "UserList",
    "UserStatus",
    "Visibility",
    "Workflow",
    "WorkflowCreate",
    "WorkflowList",
    "WorkflowRunRequest",
    "WorkflowRunRequestInput",
    "WorkflowStatus",
    "WorkflowUpdate",
)
