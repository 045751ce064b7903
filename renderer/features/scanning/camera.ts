import type { RgbaFrame } from './frame';

/** The webcams of this workstation; labels appear only once the camera permission is granted. */
export async function listCameras(): Promise<MediaDeviceInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'videoinput');
}

/** 1280×720: enough for a GS1-128 pallet label at arm's length, light enough to read several times a second. */
export async function openCamera(deviceId: string | null): Promise<MediaStream> {
  const video: MediaTrackConstraints = {
    width: { ideal: 1280 },
    height: { ideal: 720 },
    ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: 'environment' }),
  };
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio: false });
  } catch (error) {
    // The remembered camera was unplugged: any camera rather than none.
    if (deviceId && error instanceof DOMException && error.name === 'OverconstrainedError') return openCamera(null);
    throw error;
  }
}

let grabber: OffscreenCanvas | null = null;

/** The current video picture as RGBA; the region is cut out in the worker. */
export function grabFrame(video: HTMLVideoElement): RgbaFrame | null {
  const { videoWidth: width, videoHeight: height } = video;
  if (width === 0 || height === 0) return null;
  if (!grabber || grabber.width !== width || grabber.height !== height) grabber = new OffscreenCanvas(width, height);
  const context = grabber.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  const image = context.getImageData(0, 0, width, height);
  return { data: image.data, width, height };
}
