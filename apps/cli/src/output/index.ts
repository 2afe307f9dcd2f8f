export { errorResponse } from './error-response';
export { outputOptions, type GlobalFlags, type OutputOptions } from './output-options';
export { renderResponse, type RenderEnvironment, type RenderedOutput } from './render-response';
export {
  listResponse,
  messageResponse,
  stringResponse,
  type CliResponse,
  type ErrorResponse,
  type ResponseData,
  type SuccessResponse,
  type TestData,
  type TestUser,
} from './response';
