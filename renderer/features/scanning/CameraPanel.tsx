import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { grabFrame, listCameras, openCamera } from './camera';
import { configureCamera, decodeCameraFrame } from './decoder';
import { deliverScans } from './scans';
import { useScanner } from './store';

const frameIntervalMs = 120;

type State = 'off' | 'starting' | 'on' | 'denied' | 'failed';

/**
 * A webcam as a scanner: frames go to the decoder worker one at a time (no queue builds up on a
 * slow machine); a label comes back once while it stays in view, classified, into the one scan pipeline.
 */
export function CameraPanel() {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const cameraId = useScanner((state) => state.cameraId);
  const chooseCamera = useScanner((state) => state.chooseCamera);
  const region = useScanner((state) => state.region);
  const dedupeWindowMs = useScanner((state) => state.settings.dedupeWindowMs);
  const [state, setState] = useState<State>('off');
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [frames, setFrames] = useState(0);

  const running = state === 'on' || state === 'starting';

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    const run = async (): Promise<void> => {
      try {
        stream = await openCamera(cameraId);
      } catch (error) {
        setState(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'failed');
        return;
      }
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      setCameras(await listCameras());
      configureCamera(region, dedupeWindowMs, true);
      setState('on');
      while (!stopped) {
        const started = performance.now();
        const frame = video.current ? grabFrame(video.current) : null;
        if (frame) {
          const reply = await decodeCameraFrame(frame);
          if (reply.ok && !stopped) deliverScans(reply.scans);
          setFrames((count) => count + 1);
        }
        // At most ~8 frames a second: a person holds a label up for a second or more, and the CPU
        // stays free for the page (a busy page delays keyboard-wedge keys).
        await new Promise((resolve) => setTimeout(resolve, Math.max(20, frameIntervalMs - (performance.now() - started))));
      }
    };
    void run();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
    // Restarted only by a new start or a new camera, not by each setting change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, cameraId]);

  useEffect(() => {
    if (state === 'on') configureCamera(region, dedupeWindowMs);
  }, [state, region, dedupeWindowMs]);

  return (
    <section className="card scanning-camera" aria-labelledby="scanning-camera-title">
      <h2 id="scanning-camera-title">{t('scanning.camera.title')}</h2>
      <p className="lead">{t('scanning.camera.intro')}</p>
      {cameras.length > 1 && (
        <SelectField label={t('scanning.camera.choose')} name="camera" value={cameraId ?? ''} onChange={(event) => chooseCamera(event.target.value || null)}>
          {cameras.map((camera, index) => (
            <option key={camera.deviceId} value={camera.deviceId}>
              {camera.label || t('scanning.camera.unnamed', { number: index + 1 })}
            </option>
          ))}
        </SelectField>
      )}
      <div className="scanning-video" data-camera={state} data-frames={frames}>
        <video ref={video} muted playsInline hidden={!running} />
        {running && (
          <div
            className="scanning-region"
            aria-hidden="true"
            style={{ left: `${region.x * 100}%`, top: `${region.y * 100}%`, width: `${region.width * 100}%`, height: `${region.height * 100}%` }}
          />
        )}
      </div>
      {state === 'denied' && <p className="field-error">{t('scanning.camera.denied')}</p>}
      {state === 'failed' && <p className="field-error">{t('scanning.camera.failed')}</p>}
      <div className="actions">
        {running ? (
          <Button onClick={() => setState('off')}>{t('scanning.camera.stop')}</Button>
        ) : (
          <Button variant="primary" onClick={() => setState('starting')}>
            {t('scanning.camera.start')}
          </Button>
        )}
      </div>
    </section>
  );
}
