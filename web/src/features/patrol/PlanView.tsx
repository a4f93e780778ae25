import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanResult } from '../../api/patrol.contract';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { DemoNotice } from '../../ui/DemoNotice';
import { QueryBlock } from '../../ui/QueryBlock';
import { CoverageComparison } from './CoverageComparison';
import { CrewList } from './CrewList';
import { patrolApi } from './patrol.api';
import { PlanFiles } from './PlanFiles';
import { PlanMap, type MapColouring } from './PlanMap';
import { SectorTable } from './SectorTable';

export interface PlanViewProps {
  planId: string;
  result: PlanResult;
}

/** A finished plan: how much risk it covers, its files, the map, the sectors and each sector's crews. */
export function PlanView({ planId, result }: PlanViewProps) {
  const { t } = useTranslation();
  const { localized, formatDate } = useLocale();
  const outlines = useQuery(() => patrolApi.sectors(), []);
  const hottest = useMemo(() => [...result.sectors].sort((a, b) => b.risk - a.risk)[0]?.id ?? null, [result]);
  const [sectorId, setSectorId] = useState<string | null>(hottest);
  const [crewId, setCrewId] = useState<string | null>(null);
  const [colouring, setColouring] = useState<MapColouring>('crews');
  // The map shows the whole city until a sector or crew is chosen, then follows the crew.
  const [followCrew, setFollowCrew] = useState(false);
  const sector = result.sectors.find((s) => s.id === sectorId) ?? null;
  const crews = useMemo(() => result.crews.filter((c) => c.sectorId === sectorId), [result, sectorId]);
  // The first crew with stops is shown until another is chosen.
  const crew = crews.find((c) => c.id === crewId) ?? crews.find((c) => c.stops.length > 0) ?? null;
  const mapRef = useRef<HTMLElement>(null);
  const pickSector = useCallback((id: string) => {
    setSectorId(id);
    setCrewId(null);
    setFollowCrew(true);
  }, []);
  const pickCrew = useCallback((id: string) => {
    setCrewId(id);
    setFollowCrew(true);
  }, []);
  // Chosen in the table below: bring the map and the sector's crews into view.
  const pickFromTable = useCallback(
    (id: string) => {
      pickSector(id);
      mapRef.current?.scrollIntoView({ block: 'start' });
    },
    [pickSector],
  );

  return (
    <section className="section patrol-plan" aria-labelledby="plan-title" data-testid="plan-view">
      <h2 id="plan-title">{t('patrol.result.title', { shift: localized(result.shift.name), date: formatDate(result.date) })}</h2>
      {result.synthetic ? <DemoNotice>{t('patrol.result.synthetic')}</DemoNotice> : null}

      <section className="card section" aria-labelledby="coverage-title">
        <h3 id="coverage-title">{t('patrol.coverage.title')}</h3>
        <CoverageComparison result={result} />
        <h4>{t('patrol.files.title')}</h4>
        <PlanFiles planId={planId} />
      </section>

      <section className="card section" aria-labelledby="map-title" ref={mapRef}>
        <h3 id="map-title">{t('patrol.map.title')}</h3>
        <QueryBlock query={outlines}>
          {(sectors) => <PlanMap result={result} sectors={sectors} colouring={colouring} onColouring={setColouring} selectedSector={sectorId} crew={crew} followCrew={followCrew} onPickSector={pickSector} />}
        </QueryBlock>
        {sector ? <CrewList sector={sector} crews={crews} selected={crew?.id ?? null} onSelect={pickCrew} /> : null}
      </section>

      <section className="section" aria-labelledby="sectors-title">
        <h3 id="sectors-title">{t('patrol.sectors.title')}</h3>
        <SectorTable result={result} selected={sectorId} onSelect={pickFromTable} />
      </section>
    </section>
  );
}
