export { errorResponse } from './error-response';
export { outputOptions, type GlobalFlags, type OutputOptions } from './output-options';
export {
  renderResponse,
  renderResponseStreamed,
  type RenderEnvironment,
  type RenderedOutput,
  type StreamedOutput,
} from './render-response';
export {
  listResponse,
  messageResponse,
  stringResponse,
  type CliResponse,
  type ErrorResponse,
  type HistoryData,
  type PlanData,
  type ResponseData,
  type SuccessResponse,
  type TestData,
  type TestUser,
} from './response';
export { EXIT_ERROR, EXIT_OK, EXIT_REFUSED_BY_GUARD, type ExitCode } from './exit-codes';
