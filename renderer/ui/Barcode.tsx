import { useEffect, useState, type CSSProperties } from 'react';
import { drawBarcode, type DrawnBarcode, type PrintedFormat } from './barcode';

type Props = {
  /** What the barcode encodes; printed under it as its human-readable line. */
  readonly text: string;
  readonly format: PrintedFormat;
  readonly gs1?: boolean;
};

/**
 * A barcode drawn by zxing-wasm's writer, with its text under it: bars scale by module (3 px on
 * screen, 0.33 mm on paper, theme.css), never blurred. `data-drawn` says when the picture is there.
 */
export function Barcode({ text, format, gs1 = false }: Props) {
  const [drawn, setDrawn] = useState<DrawnBarcode | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    drawBarcode(text, format, gs1).then(
      (picture) => live && setDrawn(picture),
      () => live && setDrawn('failed'),
    );
    return () => {
      live = false;
      setDrawn(null);
    };
  }, [text, format, gs1]);

  const state = drawn === null ? 'drawing' : drawn === 'failed' ? 'failed' : 'drawn';
  return (
    <figure className={`barcode barcode-${format}`} data-barcode={text} data-format={format} data-drawn={state}>
      {drawn !== null && drawn !== 'failed' ? (
        <img className="barcode-image" src={drawn.src} alt="" style={{ '--modules': drawn.modules.width } as CSSProperties} />
      ) : (
        <div className="barcode-image barcode-placeholder" />
      )}
      <figcaption className="barcode-text">{text}</figcaption>
    </figure>
  );
}
