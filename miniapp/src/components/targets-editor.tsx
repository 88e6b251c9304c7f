import { useRef, useState } from 'react';
import { Button } from 'zmp-ui';
import { errorMessage } from '../api/client';
import { listTargets, saveTarget } from '../api/leaders';
import type { Me, Target } from '../api/types';
import { useMe } from '../state/me';
import { useMetrics } from '../state/metrics';
import { useRemote } from '../state/use-remote';
import { nearbyMonths } from '../util/dates';
import { capitalize, formatNumber } from '../util/format';
import { useNotify } from './notify';
import { Empty, RemoteView } from './status';
import { FormError, SelectField } from './fields';

type Unit = { id: number; name: string };

// The units the bot says this leader may set targets for (their village, or their commune and all
// its villages), then any unit that already has one; the caller's own unit if the list is not in yet.
function unitsFor(me: Me | null, offered: Unit[], targets: Target[]): Unit[] {
  const units: Unit[] = [];
  const add = (unit: Unit) => {
    if (!units.some((u) => u.id === unit.id)) units.push(unit);
  };
  offered.forEach(add);
  if (me && units.length === 0) add(me.unit);
  targets.forEach((t) => add({ id: t.unitId, name: t.unitName }));
  return units;
}

type Draft = { unitId: string; metric: string; target: string };

export function TargetsEditor() {
  const me = useMe();
  const { metrics } = useMetrics();
  const notify = useNotify();
  const months = nearbyMonths();
  const [period, setPeriod] = useState(months[0]?.value ?? '');
  const targets = useRemote(`targets-${period}`, () => listTargets(period));
  const [draft, setDraft] = useState<Draft>({ unitId: '', metric: '', target: '' });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // "Sửa" fills the form below the list; bring it into view so the change is visible.
  const edit = (t: Target) => {
    setDraft({ unitId: String(t.unitId), metric: t.metric, target: String(t.target) });
    setProblem(null);
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const rows = targets.data?.targets ?? [];
  const units = unitsFor(me, targets.data?.units ?? [], rows);
  // A choice the lists no longer offer falls back to what the select shows first.
  const unitId = units.some((u) => String(u.id) === draft.unitId) ? draft.unitId : String(units[0]?.id ?? '');
  const metric = metrics.some((m) => m.id === draft.metric) ? draft.metric : (metrics[0]?.id ?? '');

  const save = async () => {
    const target = Number(draft.target);
    if (!unitId || !metric) {
      setProblem('Chưa có đơn vị hoặc chỉ số để đặt chỉ tiêu. Vui lòng thử lại sau.');
      return;
    }
    if (draft.target === '' || !Number.isInteger(target) || target < 0) {
      setProblem('Vui lòng nhập chỉ tiêu là số nguyên từ 0 trở lên.');
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      await saveTarget({ unitId: Number(unitId), metric, period, target });
      notify('Đã lưu chỉ tiêu.');
      setDraft({ ...draft, target: '' });
      targets.reload();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card">
      <h3 className="card-title">Chỉ tiêu</h3>
      <SelectField label="Tháng" value={period} options={months} onChange={setPeriod} testId="targets-period" />

      <RemoteView remote={targets}>
        {({ targets: list }) =>
          list.length === 0 ? (
            <Empty>Tháng này chưa có chỉ tiêu.</Empty>
          ) : (
            <ul className="target-rows">
              {list.map((t) => (
                <li key={`${t.unitId}-${t.metric}`}>
                  <div>
                    <strong>{capitalize(t.label)}</strong>
                    <p className="muted small">{t.unitName}</p>
                  </div>
                  <span className="target-value">{formatNumber(t.target)}</span>
                  <Button size="small" variant="tertiary" onClick={() => edit(t)}>
                    Sửa
                  </Button>
                </li>
              ))}
            </ul>
          )
        }
      </RemoteView>

      <form
        ref={formRef}
        className="target-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h4>Đặt chỉ tiêu</h4>
        <SelectField label="Đơn vị" value={unitId} options={units.map((u) => ({ value: u.id, label: u.name }))} onChange={(v) => setDraft({ ...draft, unitId: v })} testId="target-unit" />
        <SelectField
          label="Chỉ số"
          value={metric}
          options={metrics.map((m) => ({ value: m.id, label: capitalize(m.label) }))}
          onChange={(v) => setDraft({ ...draft, metric: v })}
          testId="target-metric"
        />
        <label className="field">
          <span className="field-label">Chỉ tiêu cả tháng</span>
          <input
            className="text-input"
            inputMode="numeric"
            pattern="[0-9]*"
            value={draft.target}
            onChange={(e) => setDraft({ ...draft, target: e.target.value.replace(/\D/g, '') })}
            data-testid="target-value"
          />
        </label>
        <FormError problem={problem} />
        <Button htmlType="submit" fullWidth loading={saving} data-testid="save-target">
          Lưu chỉ tiêu
        </Button>
      </form>
    </section>
  );
}
