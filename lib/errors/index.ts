export { AppError, assertThat } from './app-error';
