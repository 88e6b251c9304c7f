import { useRef, useState } from 'react';
import { Button, useLocation, useNavigate } from 'zmp-ui';
import { errorMessage } from '../api/client';
import { updateReport } from '../api/reports';
import type { Counts, Report } from '../api/types';
import { useNotify } from '../components/notify';
import { Screen } from '../components/screen';
import { ErrorState, Loading } from '../components/status';
import { countOf, Stepper } from '../components/stepper';
import { useMe } from '../state/me';
import { useMetrics } from '../state/metrics';
import { submitNewReport } from '../state/submit-report';
import { newClientKey } from '../util/client-key';
import { dayLabel, reportDays } from '../util/dates';
import { FormError, SelectField } from '../components/fields';

const noteLimit = 500;

/** The report being edited, handed over by the list through the router's state. */
function editedReport(state: unknown): Report | null {
  const report = (state as { report?: Report } | null)?.report;
  return report && typeof report.id === 'number' ? report : null;
}

function initialValues(report: Report | null): Record<string, string> {
  const values: Record<string, string> = {};
  Object.entries(report?.counts ?? {}).forEach(([id, n]) => {
    if (n > 0) values[id] = String(n);
  });
  return values;
}

export function ReportFormPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useNotify();
  const me = useMe();
  const { metrics, error: metricsError, retry } = useMetrics();
  const editing = editedReport(location.state);

  const days = reportDays();
  if (editing && !days.some((d) => d.value === editing.date)) days.push({ value: editing.date, label: dayLabel(editing.date) });

  const [date, setDate] = useState(editing?.date ?? days[0]?.value ?? '');
  const [values, setValues] = useState(() => initialValues(editing));
  const [note, setNote] = useState(editing?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // One key per content: pressing "Gửi" again after a failed answer must not count the report twice.
  const clientKey = useRef<string | null>(null);
  // A second tap before the re-render must not send twice.
  const busy = useRef(false);

  const change = (apply: () => void) => {
    clientKey.current = null;
    setProblem(null);
    apply();
  };

  const counts = (): Counts => {
    const result: Counts = {};
    metrics.forEach(({ id }) => {
      const n = countOf(values[id] ?? '');
      // An edit states reset metrics as 0 explicitly, in case the bot merges rather than replaces.
      if (n > 0 || (editing && (editing.counts[id] ?? 0) > 0)) result[id] = n;
    });
    return result;
  };

  const submit = async () => {
    // An edit may clear the note; a new report simply leaves it out.
    const report = { date, counts: counts(), note: editing ? note.trim() : note.trim() || undefined };
    if (!Object.values(report.counts).some((n) => n > 0)) {
      setProblem('Vui lòng nhập ít nhất một số lớn hơn 0.');
      return;
    }
    if (!me || busy.current) return;
    busy.current = true;
    setSending(true);
    try {
      if (editing) {
        await updateReport(editing.id, report);
        notify('Đã lưu thay đổi.');
      } else {
        clientKey.current ??= newClientKey();
        const outcome = await submitNewReport({ ...report, clientKey: clientKey.current }, me.memberId);
        if (outcome === 'sent') notify('Đã gửi báo cáo. Cảm ơn bạn!');
        else notify('Đã lưu trên máy, sẽ gửi khi có mạng', 'warning');
      }
      navigate(-1);
    } catch (error) {
      // The bot's refusal (invalid-report, too old to edit…) is authoritative and already in Vietnamese.
      setProblem(errorMessage(error));
      busy.current = false;
      setSending(false);
    }
  };

  const title = editing ? 'Sửa báo cáo' : 'Gửi báo cáo';
  if (metrics.length === 0) {
    return (
      <Screen title={title} back>
        {metricsError ? <ErrorState error={metricsError} onRetry={retry} /> : <Loading />}
      </Screen>
    );
  }

  return (
    <Screen title={title} back>
      <form
        className="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SelectField label="Ngày làm việc" value={date} options={days} onChange={(v) => change(() => setDate(v))} testId="report-date" />

        <div className="card steppers">
          {metrics.map((metric) => (
            <Stepper
              key={metric.id}
              metric={metric}
              value={values[metric.id] ?? ''}
              onChange={(value) => change(() => setValues((previous) => ({ ...previous, [metric.id]: value })))}
            />
          ))}
        </div>

        <label className="field">
          <span className="field-label">Ghi chú (không bắt buộc)</span>
          <textarea
            className="textarea"
            rows={3}
            maxLength={noteLimit}
            value={note}
            onChange={(e) => change(() => setNote(e.target.value))}
            data-testid="report-note"
          />
          <span className="field-hint">
            {note.length}/{noteLimit} ký tự
          </span>
        </label>

        <FormError problem={problem} testId="report-error" />

        <Button htmlType="submit" size="large" fullWidth loading={sending} data-testid="submit-report">
          {editing ? 'Lưu thay đổi' : 'Gửi báo cáo'}
        </Button>
      </form>
    </Screen>
  );
}
