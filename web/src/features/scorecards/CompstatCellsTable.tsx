import { useTranslation } from 'react-i18next';
import { CompstatChange } from './CompstatChange';
import { WINDOW_ORDER } from './light';
import type { CompstatCell, Direction } from './scorecards.types';
import { TableRegion } from './TableRegion';
import { useScorecardFormat } from './useScorecardFormat';

export interface CompstatCellsTableProps {
  cells: CompstatCell[];
  direction: Direction;
  caption: string;
}

/** One indicator's CompStat: each window now and a year earlier, the change, % change and z. */
export function CompstatCellsTable({ cells, direction, caption }: CompstatCellsTableProps) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  const sorted = [...cells].sort((a, b) => WINDOW_ORDER.indexOf(a.window) - WINDOW_ORDER.indexOf(b.window));
  return (
    <TableRegion caption={caption} className="compstat-table" testId="compstat-cells">
      <thead>
        <tr>
          <th scope="col">{t('scorecards.compstat.window')}</th>
          <th scope="col">{t('scorecards.compstat.current')}</th>
          <th scope="col">{t('scorecards.compstat.prior')}</th>
          <th scope="col">{t('scorecards.compstat.change')}</th>
          <th scope="col">{t('scorecards.compstat.changePercent')}</th>
          <th scope="col">z</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((cell) => (
          <tr key={cell.window}>
            <th scope="row">{t(`scorecards.window.${cell.window}`)}</th>
            <td>
              <span className="num">{format.number(cell.current.count)}</span>
              <span className="block small muted">{format.range(cell.current.start, cell.current.end)}</span>
            </td>
            <td>
              <span className="num">{format.number(cell.prior.count)}</span>
              <span className="block small muted">{format.range(cell.prior.start, cell.prior.end)}</span>
            </td>
            <td className="num">{format.signed(cell.change)}</td>
            <td>
              <CompstatChange cell={cell} direction={direction} />
            </td>
            <td className="num">{format.number(cell.z)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
