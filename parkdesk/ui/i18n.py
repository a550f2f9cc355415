"""Qt Linguist translations: source strings are English, zh_CN is the default UI language.

The .qm files are compiled from resources/translations/*.ts by
`python -m parkdesk.ui.build_translations` (dev.sh and the installer build do it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from parkdesk.resources import resource_path

QT_LOCALE = {"zh": "zh_CN", "en": "en_US"}
TRANSLATOR_NAME = "parkdesk-translator"


def translations_dir():
    return resource_path("translations")


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Load the UI translation for `lang`; English needs none. Returns the translator kept alive."""
    QLocale.setDefault(QLocale(QT_LOCALE.get(lang, "zh_CN")))
    for previous in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(previous)
        previous.deleteLater()
    if lang == "en":
        return None
    qt_own = QTranslator(app)  # Qt's own texts: wizard buttons, standard dialogs, context menus
    qt_own.setObjectName(TRANSLATOR_NAME)
    if qt_own.load(f"qtbase_{QT_LOCALE[lang]}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    gaps = QTranslator(app)  # the few of Qt's texts qtbase leaves in English ("Look in:" in file dialogs)
    gaps.setObjectName(TRANSLATOR_NAME)
    if gaps.load(str(translations_dir() / f"qt_gaps_{QT_LOCALE[lang]}.qm")):
        app.installTranslator(gaps)
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if translator.load(str(translations_dir() / f"parkdesk_{QT_LOCALE[lang]}.qm")):
        app.installTranslator(translator)
        return translator
    return None


class TranslationContext:
    """Texts of a module's functions (not of a widget's methods): `Name.tr("…")` where `class Name(TranslationContext)`.

    lupdate files `Name.tr("…")` under the context "Name", and this translates in that same context at run time
    (`parent.tr("…")` in a function would be filed under "parent" and never found).
    """

    @classmethod
    def tr(cls, source: str) -> str:
        return QCoreApplication.translate(cls.__name__, source)
