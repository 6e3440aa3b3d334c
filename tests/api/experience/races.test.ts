import '../../support/experience-env';
import { racesSuite } from './races';

racesSuite('pglite');
