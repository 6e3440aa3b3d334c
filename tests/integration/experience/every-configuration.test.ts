import { everyConfigurationSuite } from './every-configuration';

everyConfigurationSuite('the embedded PGlite');
