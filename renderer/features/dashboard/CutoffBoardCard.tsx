import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { stages, type CutoffBoard, type Forecast } from '../../../shared/dashboard';
import { formatNumber, formatTime } from '../../lib/format';
import { carrierName } from '../picking/text';
import { durationText, forecastText, verdictTone, worseTone, type ForecastStage } from './text';

const marks: Readonly<Record<Forecast['verdict'], string>> = { done: '✓', on_track: '✓', at_risk: '!', no_rate: '–', late: '✕' };

/**
 * One carrier's truck (DOMAIN, the shift lead's day): will picking and packing make it, in words and
 * colour first, then the orders due and how many are picked, packed and dispatched. Read from 3 m
 * in the shift lead's office; the cutoff in the site's time.
 */
export function CutoffBoardCard({ board }: { readonly board: CutoffBoard }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { pick, pack } = board.forecast;
  const tone = worseTone(verdictTone(pick.verdict), verdictTone(pack.verdict));
  return (
    <article
      className={`dashboard-board verdict-border-${tone}`}
      aria-labelledby={headingId}
      data-board-carrier={board.carrier}
      data-board-cutoff={board.cutoff}
      data-verdict-pick={pick.verdict}
      data-verdict-pack={pack.verdict}
    >
      <h2 id={headingId} className="dashboard-board-title">
        {t('dashboard.board.title', { carrier: carrierName(t, board.carrier), cutoff: formatTime(board.cutoff) })}
      </h2>
      <ul className="dashboard-forecast">
        <ForecastLine stage="pick" forecast={pick} />
        <ForecastLine stage="pack" forecast={pack} />
      </ul>
      <div className="dashboard-figures">
        <div className="dashboard-figure" data-figure="due" data-value={board.due}>
          <div className="dashboard-figure-label">{t('dashboard.figures.due')}</div>
          <div className="dashboard-figure-value">{formatNumber(board.due)}</div>
        </div>
        {stages.map((stage) => (
          <div key={stage} className={`dashboard-figure stage-${stage}`} data-figure={stage} data-value={board[stage]}>
            <div className="dashboard-figure-label">{t(`dashboard.figures.${stage}`)}</div>
            <div className="dashboard-figure-value">{formatNumber(board[stage])}</div>
            <progress
              className="dashboard-progress"
              max={Math.max(1, board.due)}
              value={Math.min(board[stage], board.due)}
              aria-label={t(`dashboard.progress.${stage}`, { done: formatNumber(board[stage]), due: formatNumber(board.due) })}
            />
          </div>
        ))}
      </div>
    </article>
  );
}

/** "At risk: 2 more people for packing", and what it is worked out from: orders left, the last hour's rate, the people, the time left. */
function ForecastLine({ stage, forecast }: { readonly stage: ForecastStage; readonly forecast: Forecast }) {
  const { t } = useTranslation();
  const tone = verdictTone(forecast.verdict);
  const measured = forecast.verdict === 'on_track' || forecast.verdict === 'at_risk';
  return (
    <li className={`dashboard-verdict verdict-${tone}`} data-forecast={stage} data-verdict={forecast.verdict}>
      <span className="dashboard-verdict-mark" aria-hidden="true">
        {marks[forecast.verdict]}
      </span>
      <span className="dashboard-verdict-text" data-forecast-text>
        {forecastText(t, stage, forecast)}
      </span>
      {forecast.verdict !== 'done' && (
        <dl className="dashboard-verdict-facts">
          <dt>{t('dashboard.facts.remaining')}</dt>
          <dd>{formatNumber(forecast.remaining)}</dd>
          {measured && (
            <>
              <dt>{t('dashboard.facts.perHour')}</dt>
              <dd>{formatNumber(forecast.perHour)}</dd>
              <dt>{t('dashboard.facts.people')}</dt>
              <dd>{formatNumber(forecast.people)}</dd>
              <dt>{t('dashboard.facts.timeLeft')}</dt>
              <dd>{durationText(t, forecast.hoursLeft)}</dd>
            </>
          )}
        </dl>
      )}
    </li>
  );
}
