"""Checks run on a loaded page: axe-core accessibility audit and the screenshot artefact."""

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
AXE_JS = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def run_axe(page):
    """axe-core violations of impact serious or critical, as readable strings."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def save_screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
