import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { Button } from '../Button';
import type { FlowState, StepMessage } from './flow';

export type StepView<S extends string> = {
  readonly id: S;
  /** Its short name in the list of steps ("Origin"). */
  readonly title: string;
  /** What was confirmed at this step; shown while later steps are taken. */
  readonly done?: ReactNode;
  /** Not part of this run of the flow (no item step when a whole pallet moves). */
  readonly skipped?: boolean;
};

type Props<S extends string> = {
  /** Names the flow for assistive technology and for tests (`data-flow`). */
  readonly name: string;
  readonly label: string;
  readonly steps: readonly StepView<S>[];
  readonly current: S;
  /** The instruction of the current step, readable from two metres. */
  readonly prompt: string;
  /** The kind of code the step expects ("a location or a pallet's SSCC"). */
  readonly expects?: string | undefined;
  readonly message: FlowState<S, unknown>['message'];
  readonly busy?: boolean;
  /** The way back one step (absent on the first). */
  readonly onBack?: (() => void) | undefined;
  /** Abandons the flow; absent when nothing was taken yet. */
  readonly onCancel?: (() => void) | undefined;
  /** A confirmed step was chosen, to be taken again. */
  readonly onRevisit?: ((step: S) => void) | undefined;
  /** The current step's input: a scan field, a quantity, a confirmation. */
  readonly children: ReactNode;
  /** What the person should see to take this step (what the origin holds, a pallet's contents). */
  readonly details?: ReactNode;
};

export function useStepMessageText(): (message: StepMessage) => string {
  const { t } = useTranslation();
  return (message) => ('error' in message ? errorText(t, message.error) : t(message.key, message.vars));
}

const icons = { ok: '✔', error: '✖', attention: '⚠' } as const;

/**
 * One step component for every floor flow (issue #10): the steps with what was scanned so far, the
 * prompt and the kind of code expected, the step's input, a big answer, back and cancel.
 */
export function StepFlow<S extends string>({
  name,
  label,
  steps,
  current,
  prompt,
  expects,
  message,
  busy = false,
  onBack,
  onCancel,
  onRevisit,
  children,
  details,
}: Props<S>) {
  const { t } = useTranslation();
  const text = useStepMessageText();
  const shown = steps.filter((step) => !step.skipped);
  const currentIndex = shown.findIndex((step) => step.id === current);

  return (
    <section className="step-flow" aria-label={label} data-flow={name} data-step={current} aria-busy={busy}>
      <ol className="steps">
        {shown.map((step, index) => {
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
          return (
            <li
              key={step.id}
              className={`step step-${state}`}
              data-step-id={step.id}
              data-step-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="step-title">{step.title}</span>
              {state === 'done' && step.done !== undefined && (
                <span className="step-done">
                  {onRevisit ? (
                    <button type="button" className="step-revisit" onClick={() => onRevisit(step.id)} aria-label={t('steps.retake', { step: step.title })}>
                      {step.done}
                    </button>
                  ) : (
                    step.done
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <div className="step-current">
        <p className="step-prompt">{prompt}</p>
        {expects && <p className="step-expects">{t('steps.expects', { kind: expects })}</p>}
      </div>
      <div className="step-message-slot" aria-live="assertive" aria-atomic="true">
        {message && (
          <div
            key={message.id}
            className={`step-message step-message-${message.kind}`}
            data-feedback={message.kind}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            <span className="step-message-icon" aria-hidden="true">
              {icons[message.kind]}
            </span>
            <span>{text(message)}</span>
          </div>
        )}
      </div>
      {/* Under the answer, so the answer to a scan sits right below the instruction, on screen at 1366×768 (issue #10). */}
      <div className="step-work">{children}</div>
      {details !== undefined && <aside className="step-details">{details}</aside>}
      {(onBack || onCancel) && (
        <div className="actions step-actions">
          {onBack && (
            <Button onClick={onBack} disabled={busy}>
              {t('steps.back')}
            </Button>
          )}
          {onCancel && (
            <Button variant="danger" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
