/** Step 3: where the agent registers (classic CS + passphrase, modernized appliance, or later). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEndpoint } from '../../common/endpoint';
import { ErrorNotice } from '../components/error-notice';
import { StepHeading } from '../components/step-heading';
import { StatusText } from '../components/status-text';
import { useWizard } from '../flow/wizard-context';
import { connectivityIsCurrent, registrationBlocker } from '../flow/wizard-guards';
import type { RegistrationMode } from '../flow/wizard-state';
import { ConfigJsonField } from './config-json-field';
import { ConnectivityResult } from './connectivity-result';
import { EndpointField } from './endpoint-field';
import { PassphraseField } from './passphrase-field';
import { StepActions } from './step-actions';

export function ServerStep() {
  const { t } = useTranslation();
  const { state, dispatch, actions } = useWizard();
  const [attempted, setAttempted] = useState(false);
  const idBase = useId();
  const reg = state.registration;
  const dataPort = state.session?.defaults.dataPort ?? null;
  const blocker = registrationBlocker(state);
  const modes: RegistrationMode[] =
    state.flow === 'register' ? ['classic', 'modernized'] : ['classic', 'modernized', 'none'];
  const endpointOk = parseEndpoint(reg.endpoint).ok;

  const check = () => void actions.checkConnection(reg.endpoint, dataPort);

  // Continue runs the connection check itself when the address has not been checked yet.
  const onNext = async () => {
    setAttempted(true);
    if (blocker === 'server.blocker.checkConnection') {
      if (!(await actions.checkConnection(reg.endpoint, dataPort))) return;
    } else if (blocker !== null) return;
    dispatch({ type: 'goTo', step: 'antivirus' });
  };
  // Only a missing check (which Continue performs) leaves Continue enabled; the rest are explained.
  const shownBlocker =
    blocker === 'server.blocker.checkConnection'
      ? null
      : attempted || blocker === 'server.blocker.cannotRegister'
        ? blocker
        : null;

  return (
    <>
      <StepHeading lead={t('server.lead')}>{t('server.heading')}</StepHeading>
      <fieldset className="choice-group">
        <legend>{t('server.mode.legend')}</legend>
        {modes.map((mode) => (
          // The whole card is clickable; the radio's name is only the title, the help text is its description.
          <label key={mode} className={reg.mode === mode ? 'choice selected' : 'choice'}>
            <input
              type="radio"
              name="registration-mode"
              value={mode}
              checked={reg.mode === mode}
              aria-labelledby={`${idBase}-${mode}-title`}
              aria-describedby={`${idBase}-${mode}-help`}
              onChange={() => dispatch({ type: 'setRegistrationMode', mode })}
            />
            <span className="choice-text">
              <span className="choice-title" id={`${idBase}-${mode}-title`}>
                {t(`server.mode.${mode}`)}
              </span>
              <span className="choice-help" id={`${idBase}-${mode}-help`}>
                {t(`server.mode.${mode}Help`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      {reg.mode === 'classic' ? (
        <div className="panel-section">
          <div className="form-row">
            <div className="grow">
              <EndpointField
                value={reg.endpoint}
                onChange={(endpoint) => dispatch({ type: 'setEndpoint', endpoint })}
                showEmptyError={attempted}
              />
            </div>
            <button
              type="button"
              className="button align-field"
              onClick={check}
              disabled={!endpointOk || state.checkingConnection}
            >
              {t('server.conn.check')}
            </button>
          </div>
          <p className="live-status" role="status">
            {state.checkingConnection ? <StatusText icon="running" label={t('server.conn.checking')} /> : ''}
          </p>
          {state.connectivityError ? <ErrorNotice error={state.connectivityError} /> : null}
          {state.connectivity && connectivityIsCurrent(state) ? (
            <ConnectivityResult report={state.connectivity} />
          ) : null}
          <PassphraseField
            value={reg.passphrase}
            onChange={(passphrase) => dispatch({ type: 'setPassphrase', passphrase })}
            showEmptyError={attempted}
          />
        </div>
      ) : null}

      {reg.mode === 'modernized' ? (
        <div className="panel-section">
          <ConfigJsonField
            fileName={reg.configFileName}
            text={reg.configJson}
            onLoad={(fileName, text) => dispatch({ type: 'setConfigJson', fileName, text })}
            onClear={() => dispatch({ type: 'clearConfigJson' })}
          />
        </div>
      ) : null}

      {reg.mode === 'none' ? (
        <>
          <fieldset className="choice-group later-kind">
            <legend>{t('server.later.legend')}</legend>
            {(['classic', 'modernized'] as const).map((kind) => (
              <label key={kind} className={reg.laterKind === kind ? 'choice selected' : 'choice'}>
                <input
                  type="radio"
                  name="later-kind"
                  value={kind}
                  checked={reg.laterKind === kind}
                  onChange={() => dispatch({ type: 'setLaterKind', kind })}
                />
                <span className="choice-text">
                  <span className="choice-title">{t(`server.later.${kind}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <p className="notice notice-info">{t('server.mode.noneNote')}</p>
        </>
      ) : null}

      <StepActions
        back={state.flow === 'register' ? 'detect' : 'installer'}
        blocker={shownBlocker}
        onNext={() => void onNext()}
        busy={state.checkingConnection}
      />
    </>
  );
}
