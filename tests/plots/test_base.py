"""Charts of the corpus: a figure of one row per article shows a named sample of a large corpus,
its data the rows plotted."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.plots.base import plot_boilerplate_share, plot_voice_words
from analysis.plots.views import MAX_FIGURE_ARTICLES


def summary(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [f"a{i:04d}" for i in range(n)],
            "outlet": ["X", "Y"] * (n // 2) + ["X"] * (n % 2),
            "clean_chars": 900,
            "removed_chars": 100,
            "removed_share": 0.1,
            "authorial_words": 80,
            "quoted_words": 20,
            "quoted_share": 0.2,
        }
    )


@pytest.mark.parametrize("plot", [plot_boilerplate_share, plot_voice_words])
@pytest.mark.parametrize(
    ("n", "shown", "named"), [(5, 5, False), (500, MAX_FIGURE_ARTICLES, True)]
)
def test_a_figure_per_article_shows_at_most_its_limit_and_says_so(plot, n, shown, named):
    fig, data = plot(summary(n))
    assert len(data) == shown and data["article_id"].is_unique
    assert (f"{shown:,} of {n:,} articles" in fig.axes[0].get_title()) == named
    plt.close(fig)
