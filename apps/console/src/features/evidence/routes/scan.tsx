import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { ITEM_READER_ROLES } from '../access';
import { findByLabelNumber } from '../api/evidence.api';
import { QrReader, qrReader } from '../model/qr-reader';
import { readScan } from '../model/scan';

type Notice = { kind: 'foreign'; text: string } | { kind: 'notFound'; label: string } | { kind: 'problem'; error: unknown } | null;

/** The camera's stream in a video element, read frame after frame until a code is found. */
function useCamera(onCode: (text: string) => void, paused: { current: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reader, setReader] = useState<QrReader | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  const stop = useCallback(() => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    setRunning(false);
  }, []);

  const start = useCallback(async () => {
    setError(null);
    try {
      const [media, qr] = await Promise.all([
        navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }),
        qrReader(),
      ]);
      stream.current = media;
      setReader(qr);
      if (video.current) {
        video.current.srcObject = media;
        await video.current.play();
      }
      setRunning(true);
    } catch (e) {
      setError(e instanceof Error ? e.name : String(e));
    }
  }, []);

  useEffect(() => {
    if (!running || !reader) return;
    let cancelled = false;
    let first = true;
    const tick = async () => {
      if (cancelled) return;
      const v = video.current;
      if (v && v.readyState >= 2 && !paused.current) {
        if (first) {
          performance.mark('evidence-scan-first-frame');
          first = false;
        }
        const text = await reader.read(v).catch(() => null);
        if (cancelled) return;
        if (text) onCodeRef.current(text);
      }
      requestAnimationFrame(() => void tick());
    };
    void tick();
    return () => {
      cancelled = true;
    };
  }, [running, reader, paused]);

  useEffect(() => stop, [stop]);
  return { video, running, error, reader, start, stop };
}

function ScanScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [opening, setOpening] = useState(false);
  const busy = useRef(false);

  const open = useCallback(
    async (raw: string, scanned: boolean) => {
      if (busy.current) return;
      const target = readScan(raw);
      if (target.kind === 'empty') return;
      if (target.kind === 'foreign') {
        setNotice((n) => (n?.kind === 'foreign' && n.text === target.text ? n : { kind: 'foreign', text: target.text }));
        return;
      }
      busy.current = true;
      if (scanned) performance.mark('evidence-scan-decoded');
      setOpening(true);
      let leaving = false;
      try {
        const itemId = target.kind === 'item' ? target.itemId : (await findByLabelNumber(target.labelNumber))?.id;
        if (!itemId) {
          setNotice({ kind: 'notFound', label: target.kind === 'label' ? target.labelNumber : raw });
          return;
        }
        // Once on its way to the item, the frames still coming in are not read again.
        leaving = true;
        void navigate(`/evidence/items/${itemId}`);
      } catch (error) {
        setNotice({ kind: 'problem', error });
      } finally {
        if (!leaving) {
          busy.current = false;
          setOpening(false);
        }
      }
    },
    [navigate],
  );

  const camera = useCamera((text) => void open(text, true), busy);
  const { start } = camera;
  useEffect(() => {
    // The item's screen is fetched while the user aims the camera: opening it then waits for its data only.
    void import('./item');
    void start();
  }, [start]);

  return (
    <Stack gap="md" maw={720}>
      <PageTitle>{t('evidence.scan.title')}</PageTitle>
      <Text size="sm">{t('evidence.scan.intro')}</Text>
      <video
        ref={camera.video}
        muted
        playsInline
        aria-label={t('evidence.scan.video')}
        style={{ width: '100%', maxWidth: 640, background: '#000', borderRadius: 4, display: camera.running ? 'block' : 'none' }}
      />
      <Group gap="sm">
        {camera.running ? (
          <Button variant="default" onClick={camera.stop}>
            {t('evidence.scan.stop')}
          </Button>
        ) : (
          <Button variant="default" onClick={() => void camera.start()}>
            {t('evidence.scan.start')}
          </Button>
        )}
        {camera.running && (
          <Text size="sm" role="status">
            {opening ? t('evidence.scan.opening') : t('evidence.scan.looking')}
          </Text>
        )}
      </Group>
      {camera.reader && (
        <Text size="xs" c="dimmed">
          {t(`evidence.scan.decoder.${camera.reader.kind}`)}
        </Text>
      )}
      {camera.error && (
        <Alert color="orange.9" variant="outline">
          {t('evidence.scan.noCamera', { reason: camera.error })}
        </Alert>
      )}
      <form
        aria-label={t('evidence.scan.manual')}
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          void open(typed, false);
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('evidence.scan.manual')}
            placeholder={t('evidence.scan.manualPlaceholder')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            w={320}
          />
          <Button type="submit" disabled={!typed.trim()} loading={opening}>
            {t('evidence.scan.open')}
          </Button>
        </Group>
      </form>
      <div role="alert">
        {notice?.kind === 'foreign' && (
          <Alert color="red.9" variant="outline" data-testid="scan-not-ours">
            {t('evidence.scan.notOurs', { text: notice.text.length > 120 ? `${notice.text.slice(0, 117)}…` : notice.text })}
          </Alert>
        )}
        {notice?.kind === 'notFound' && (
          <Alert color="orange.9" variant="outline">
            {t('evidence.scan.notFound', { label: notice.label })}
          </Alert>
        )}
        {notice?.kind === 'problem' && <ProblemAlert error={notice.error} />}
      </div>
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={ITEM_READER_ROLES}>
      <ScanScreen />
    </RequireRoles>
  );
}
