// The package's public surface, listed explicitly.
export type { components, operations, paths } from "../generated/openapi.ts";
export {
  ADVERTISEMENT_RULES,
  type AdvertisementRule,
  type AdvertisementRuleName,
  type AdvertisementWait,
  type AdvertisementWaitOptions,
  type AdvertiseOptions,
  type AdvertiseParams,
  type AdvertiseResult,
} from "./advertise.ts";
export { createServiceBindingsClient, type ServiceBindingsClient } from "./client.ts";
export type { Credentials } from "./credentials.ts";
export type { EnsureOptions, EnsureParams, EnsureResult } from "./ensure.ts";
export { ERROR_CLASS_BY_CODE, ERROR_CLASS_BY_STATUS } from "./error-from-response.ts";
export {
  AdvertisementRefusedError,
  AuthenticationError,
  BadRequestError,
  BindingConflictError,
  CloudflareApiError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidArgumentError,
  MalformedResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  RequestError,
  RouteNotFoundError,
  ServiceBindingsError,
  TimeoutError,
  UnprocessableEntityError,
  WaitError,
} from "./errors.ts";
export type {
  CreateServiceBindingParams,
  DeleteServiceBindingParams,
  GetServiceBindingParams,
  ListServiceBindingsParams,
  ListServicesParams,
  OperationMethod,
  OperationOptions,
  OperationResult,
  ServiceBindingsMethods,
} from "./methods.ts";
export {
  type CallOptions,
  type CreateCallOptions,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  type ServiceBindingsClientOptions,
} from "./options.ts";
export type { RetryEvent } from "./request.ts";
export {
  type Backoff,
  DEFAULT_BACKOFF,
  DEFAULT_MAX_RETRIES,
  NEVER_RETRIED_SERVER_STATUSES,
  RETRYABLE_STATUSES,
} from "./retry.ts";
export type {
  BgpPrefix,
  CreateServiceBindingBody,
  Operation,
  OperationId,
  OperationParams,
  OperationTable,
  PathParams,
  Prefix,
  ProvisioningState,
  RequestBody,
  ResponseMessage,
  Result,
  Service,
  ServiceBinding,
  SuccessBody,
} from "./types.ts";
export { PACKAGE_VERSION } from "./version.ts";
export { FAILURE_STATES, type WaitOptions } from "./wait.ts";
