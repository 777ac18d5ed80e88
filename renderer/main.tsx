/**
 * The page's entry: takes the first screen's answers the landing carried, sends the calls it did not carry, then
 * loads the wizard (boot.tsx). This chunk has none of React, i18next or the wizard in it, so those calls leave as
 * soon as it arrives, and travel while the browser evaluates the rest (fetched at the same time: index.html
 * preloads it, see the vite config), instead of after it.
 */
import { languageOfLocale } from '../common/ui-language';
import { getTransport } from './api/client';
import { takeEmbeddedReplies } from './api/embedded-replies';
import { startFirstCalls } from './api/first-calls';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/surfaces.css';
import './styles/steps.css';
import './styles/outcome.css';
import './styles/log.css';
import './styles/dialog.css';

const firstCalls = startFirstCalls(getTransport(), takeEmbeddedReplies(document));

/**
 * The wizard's own files did not load (the SSH tunnel dropped, a half-copied install): say so in plain HTML rather
 * than leave a blank page. The catalogs are in the files that failed, so both languages' text is here.
 */
function showLoadFailure(): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.textContent =
    languageOfLocale(navigator.language) === 'ko'
      ? '마법사를 불러오지 못했습니다. 이 서버와의 연결을 확인한 다음 페이지를 새로 고치십시오.'
      : 'The wizard could not be loaded. Check the connection to this server, then reload the page.';
}

void import('./boot').then(({ boot }) => boot(firstCalls), showLoadFailure);
