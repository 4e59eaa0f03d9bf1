"""bot.paths: the reference data the place index reads, and the local-state override."""

from bot import paths


def test_paths_are_under_the_repository():
    assert (paths.PROJECT_ROOT / "pyproject.toml").is_file()
    assert paths.REFERENCE_DIR == paths.PROJECT_ROOT / "data" / "reference"
    assert (paths.REFERENCE_DIR / "Municipality.json").is_file()
    assert paths.DOMAIN_DIR == paths.PROJECT_ROOT / "domain"
    assert paths.MODELS_DIR == paths.PROJECT_ROOT / "models"
    assert paths.RESULTS_DIR == paths.PROJECT_ROOT / "results"


def test_local_dir_can_be_moved_by_environment(tmp_path, monkeypatch):
    target = tmp_path / "state"
    monkeypatch.setenv(paths.LOCAL_DIR_ENV, str(target))
    assert paths.ensure_local_dir() == target.resolve()
    assert target.is_dir()


def test_local_dir_defaults_to_data_local(monkeypatch):
    monkeypatch.delenv(paths.LOCAL_DIR_ENV, raising=False)
    assert paths._local_dir() == paths.DATA_DIR / "local"
