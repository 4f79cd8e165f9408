// Entry: asks main for the first page of the list before React and the app are loaded
// (parsing them is most of a cold start), then loads them. See ADR 0041.
import { primeFirstPage } from './boot/first-page';
import './styles/app.css';

primeFirstPage();
void import('./app');
