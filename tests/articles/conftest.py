import pytest

from tests.factories import CategoryFactory


@pytest.fixture
def health():
    return CategoryFactory(
        name="Health", slug="health", emoji="🏥", position=1, requires_medical_review=True
    )


@pytest.fixture
def nature():
    return CategoryFactory(name="Nature", slug="nature", emoji="🌿", position=2)
