import { render } from 'preact';
import { App } from './app';
import { titleFollowsHeading } from './components/page-title';
import './styles.css';

const root = document.getElementById('app')!;
render(<App />, root);
titleFollowsHeading(root);
