"""Threads: one client shared by every thread; calls run in parallel (the GIL is released)."""

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Tuple

import libyativo as yv


def balance_of(c: yv.YativoCrypto, asset: yv.Asset) -> Tuple[str, Decimal]:
    return asset.id, c.balance.check(asset.id).balance


with yv.YativoCrypto.from_env() as c:
    assets = c.assets.list()
    with ThreadPoolExecutor(max_workers=8) as pool:
        for asset_id, balance in pool.map(lambda a: balance_of(c, a), assets):
            print(asset_id, balance)
