"""asyncio: every balance at once, from one thread, with no thread per call."""

import asyncio
from decimal import Decimal
from typing import Tuple

import libyativo as yv


async def balance_of(c: yv.AsyncYativoCrypto, asset: yv.Asset) -> Tuple[str, Decimal]:
    return asset.id, (await c.balance.check(asset.id)).balance


async def main() -> None:
    async with yv.AsyncYativoCrypto.from_env() as c:
        assets = await c.assets.list()
        for asset_id, balance in await asyncio.gather(*(balance_of(c, a) for a in assets)):
            print(asset_id, balance)


asyncio.run(main())
