import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TowDetail, TowSummary } from '../../api/towing.contract';
import { TowActionButtons, TowActionForm, type TowFormAction, type TowPermissions } from './TowActions';
import { SmsBadge, SyntheticBadge, ToCallBadge, TowStatusBadge } from './TowBadges';
import { towingPaths } from './towing.api';
import { useTowFormat } from './useTowFormat';

export interface TowTableProps {
  items: readonly TowSummary[];
  caption: string;
  can: TowPermissions;
  /** Show the date with the time (lists that span days). */
  withDate?: boolean;
  /** Mark demo rows one by one (only when the list mixes demo and real tows). */
  markSynthetic: boolean;
  onChanged: (tow: TowDetail) => void;
  testId: string;
  /** Tint the rows of owners still to call (off in the call list, where every row is one). */
  highlightToCall?: boolean;
}

/**
 * Tows as a table on a wide screen and one card per tow on a phone (`table-stacked`: each cell carries its
 * column's name). A step that takes a form opens it in a row of its own under the tow.
 */
export function TowTable({ items, caption, can, withDate = false, markSynthetic, onChanged, testId, highlightToCall = true }: TowTableProps) {
  const { t } = useTranslation();
  const format = useTowFormat();
  const [open, setOpen] = useState<{ id: string; action: TowFormAction } | null>(null);
  const col = {
    plate: t('towing.table.plate'),
    time: withDate ? t('towing.table.when') : t('towing.table.time'),
    car: t('towing.table.car'),
    lot: t('towing.table.lot'),
    status: t('towing.table.status'),
    sms: t('towing.table.sms'),
    actions: t('towing.table.actions'),
  };
  const handleChanged = (tow: TowDetail) => {
    setOpen(null);
    onChanged(tow);
  };
  return (
    <div className="table-wrap tow-table-wrap">
      <table className="table table-stacked tow-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{col.plate}</th>
            <th scope="col">{col.time}</th>
            <th scope="col">{col.car}</th>
            <th scope="col">{col.lot}</th>
            <th scope="col">{col.status}</th>
            <th scope="col">{col.sms}</th>
            <th scope="col">{col.actions}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((tow) => (
            <Fragment key={tow.id}>
              <tr data-testid="tow-row" data-plate={tow.plate} data-id={tow.id} className={highlightToCall && tow.toCall ? 'tow-row-to-call' : undefined}>
                <th scope="row" className="tow-table-plate">
                  <Link to={towingPaths.tow(tow.id)} className="tow-plate">
                    {tow.plate}
                  </Link>
                  {markSynthetic && tow.synthetic ? <SyntheticBadge /> : null}
                </th>
                <td data-label={col.time} className="nowrap">
                  {withDate ? format.dayTime(tow.towedAt) : format.time(tow.towedAt)}
                </td>
                <td data-label={col.car}>
                  {tow.make}
                  <span className="muted"> · {tow.colour}</span>
                </td>
                <td data-label={col.lot}>{tow.lot ? format.localized(tow.lot.name) : '—'}</td>
                <td data-label={col.status}>
                  <TowStatusBadge status={tow.status} />
                </td>
                <td data-label={col.sms}>
                  <span className="badges">
                    <SmsBadge tow={tow} />
                    {tow.toCall ? <ToCallBadge /> : null}
                  </span>
                  {tow.calledAt ? <span className="small tow-called">{t('towing.table.calledAt', { time: withDate ? format.dayTime(tow.calledAt) : format.time(tow.calledAt) })}</span> : null}
                </td>
                <td data-label={col.actions} className="tow-table-actions">
                  <TowActionButtons
                    tow={tow}
                    can={can}
                    open={open?.id === tow.id ? open.action : null}
                    onOpen={(action) => setOpen(action ? { id: tow.id, action } : null)}
                    onChanged={handleChanged}
                  />
                </td>
              </tr>
              {open?.id === tow.id ? (
                <tr className="tow-action-row">
                  <td colSpan={7}>
                    <TowActionForm tow={tow} action={open.action} onClose={() => setOpen(null)} onChanged={handleChanged} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
