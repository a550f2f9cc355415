"""Draw parkdesk's application icon: one SVG, PNGs rendered from it, and a Windows .ico.

    .venv/bin/python installers/make_icons.py     # rewrites resources/icons/

The picture: three rising bars (a park's buildings, and a report's growth) under a sun,
on a rounded blue square. The SVG is the source; the PNGs are rendered from it with
QtSvg (no text, so no font is involved) and the .ico holds every PNG size.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

BARS = ((52, 124), (108, 92), (164, 58))  # (left x, top y) of each bar; all 40 wide, standing on y=200
BAR_WIDTH = 40
BASELINE = 200


def icon_svg() -> str:
    bars = "\n".join(
        f'    <rect x="{x}" y="{top}" width="{BAR_WIDTH}" height="{BASELINE - top}" rx="6" fill="url(#bar)"/>'
        for x, top in BARS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>parkdesk</title>
  <defs>
    <linearGradient id="ground" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b7bc9"/>
      <stop offset="1" stop-color="#16467f"/>
    </linearGradient>
    <linearGradient id="bar" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#ffffff"/>
      <stop offset="1" stop-color="#dce9f7"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="url(#ground)"/>
  <circle cx="78" cy="78" r="22" fill="#f6b03c"/>
{bars}
  <rect x="40" y="{BASELINE}" width="176" height="12" rx="6" fill="#8fd18b"/>
</svg>
"""


def render_png(svg: bytes, size: int):
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit("the icon SVG does not parse")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_icons(folder: Path = ICON_DIR) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (kept alive while painting)
    folder.mkdir(parents=True, exist_ok=True)
    svg = icon_svg()
    svg_path = folder / "parkdesk.svg"
    svg_path.write_text(svg, encoding="utf-8")
    written = [svg_path]
    for size in PNG_SIZES:
        png = folder / f"parkdesk-{size}.png"
        if not render_png(svg.encode("utf-8"), size).save(str(png)):
            raise SystemExit(f"cannot write {png}")
        written.append(png)
    images = [Image.open(folder / f"parkdesk-{size}.png").convert("RGBA") for size in ICO_SIZES]
    ico = folder / "parkdesk.ico"
    images[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    written.append(ico)
    return written


if __name__ == "__main__":
    for path in write_icons():
        print(path)
