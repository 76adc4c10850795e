import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { initLanguage } from './lib/i18n/index.svelte.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html needs <div id="app">');

void initLanguage().finally(() => {
  mount(App, { target });
});
