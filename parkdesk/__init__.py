"""parkdesk: annual reports of Jinan's service-trade (outsourcing) parks, offline."""

__version__ = "0.1.0"
