// A BMP reader for tests, written from the format's description, not from the app's writer.
/** Reads a BMP file as the format describes it (header fields little-endian, rows padded to 4 bytes, BGR). */
export function readBmp(file: Uint8Array) {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const width = view.getInt32(18, true);
  const height = view.getInt32(22, true);
  const offset = view.getUint32(10, true);
  const stride = Math.ceil((width * 3) / 4) * 4;
  const topDown = height < 0;
  const rows = Math.abs(height);
  return {
    magic: String.fromCharCode(file[0], file[1]), size: view.getUint32(2, true), width, rows, topDown, stride,
    infoSize: view.getUint32(14, true), planes: view.getUint16(26, true), bits: view.getUint16(28, true),
    compression: view.getUint32(30, true), offset,
    pixel(row: number, col: number) {
      const o = offset + (topDown ? row : rows - 1 - row) * stride + 3 * col;
      return [file[o + 2], file[o + 1], file[o]];
    },
  };
}
