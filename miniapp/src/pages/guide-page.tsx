import { useParams } from 'zmp-ui';
import { apiUrl } from '../api/client';
import { getGuide } from '../api/guides';
import { Screen } from '../components/screen';
import { RemoteView } from '../components/status';
import { useRemote } from '../state/use-remote';

/** A guide in large print, step by step, to read together with a resident at their door. */
export function GuidePage() {
  const id = useParams().id ?? '';
  const guide = useRemote(`guide-${id}`, () => getGuide(id));
  return (
    <Screen title="Hướng dẫn" back>
      <RemoteView remote={guide}>
        {(data) => (
          <article className="guide">
            <h2>{data.title}</h2>
            <p className="guide-summary">{data.summary}</p>
            <ol className="guide-steps">
              {data.steps.map((step, i) => (
                <li key={i}>
                  <span className="step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <div className="step-body">
                    <p>{step.text}</p>
                    {step.image && <img src={apiUrl(step.image)} alt={`Bước ${i + 1}`} loading="lazy" />}
                  </div>
                </li>
              ))}
            </ol>
            <p className="guide-summary">{data.done}</p>
          </article>
        )}
      </RemoteView>
    </Screen>
  );
}
