"""Contains all the data models used in inputs/outputs (each module imported when a name of it is first used)"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from .trigger_route import TriggerRoute
    from .trigger_route_headers import TriggerRouteHeaders
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

# Where each name lives: ".customer" for Customer.
_MODULES = {
    "ActorType": ".actor_type",
    "ApiKey": ".api_key",
    "ApiKeyCreate": ".api_key_create",
    "ApiKeyList": ".api_key_list",
    "AuditActor": ".audit_actor",
    "AuditEvent": ".audit_event",
    "AuditEventList": ".audit_event_list",
    "AuditOutcome": ".audit_outcome",
    "AuditResource": ".audit_resource",
    "AuthMethod": ".auth_method",
    "Billing": ".billing",
    "BillingQuotas": ".billing_quotas",
    "BillingUsage": ".billing_usage",
    "BuildJob": ".build_job",
    "BuildKind": ".build_kind",
    "BuildRequest": ".build_request",
    "BuildStatus": ".build_status",
    "ChatReply": ".chat_reply",
    "ChatRequest": ".chat_request",
    "Connection": ".connection",
    "ConnectionCreate": ".connection_create",
    "ConnectionList": ".connection_list",
    "ConnectionStatus": ".connection_status",
    "Connector": ".connector",
    "ConnectorCreate": ".connector_create",
    "ConnectorList": ".connector_list",
    "ConnectorUpdate": ".connector_update",
    "CreatedApiKey": ".created_api_key",
    "Customer": ".customer",
    "CustomerCreate": ".customer_create",
    "CustomerList": ".customer_list",
    "CustomerStatus": ".customer_status",
    "CustomerUpdate": ".customer_update",
    "DataResidency": ".data_residency",
    "DatasourceDebug": ".datasource_debug",
    "Enforcement": ".enforcement",
    "Error": ".error",
    "ErrorDetail": ".error_detail",
    "Execution": ".execution",
    "ExecutionError": ".execution_error",
    "ExecutionInput": ".execution_input",
    "ExecutionList": ".execution_list",
    "ExecutionResultType0": ".execution_result_type_0",
    "ExecutionStatus": ".execution_status",
    "ExecutionStep": ".execution_step",
    "ExecutionTier": ".execution_tier",
    "KeyMode": ".key_mode",
    "Permission": ".permission",
    "PermissionAction": ".permission_action",
    "PermissionGrant": ".permission_grant",
    "PermissionResource": ".permission_resource",
    "Plan": ".plan",
    "Quota": ".quota",
    "QuotaPeriod": ".quota_period",
    "RetryPolicy": ".retry_policy",
    "Role": ".role",
    "RoleCreate": ".role_create",
    "RoleList": ".role_list",
    "Secret": ".secret",
    "SecretCreate": ".secret_create",
    "SecretList": ".secret_list",
    "StepStatus": ".step_status",
    "Trigger": ".trigger",
    "TriggerCreate": ".trigger_create",
    "TriggerList": ".trigger_list",
    "TriggerRoute": ".trigger_route",
    "TriggerRouteHeaders": ".trigger_route_headers",
    "TriggerType": ".trigger_type",
    "TriggerUpdate": ".trigger_update",
    "TriggeredBy": ".triggered_by",
    "UsageItem": ".usage_item",
    "UsageMetric": ".usage_metric",
    "User": ".user",
    "UserInvite": ".user_invite",
    "UserList": ".user_list",
    "UserStatus": ".user_status",
    "Visibility": ".visibility",
    "Workflow": ".workflow",
    "WorkflowCreate": ".workflow_create",
    "WorkflowList": ".workflow_list",
    "WorkflowRunRequest": ".workflow_run_request",
    "WorkflowRunRequestInput": ".workflow_run_request_input",
    "WorkflowStatus": ".workflow_status",
    "WorkflowUpdate": ".workflow_update",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})


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
    "TriggerRoute",
    "TriggerRouteHeaders",
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
