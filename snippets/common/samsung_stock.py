"""Samsung Electronics' daily closes: one loader for the stock pages.

Page 11-12 (a stock recommender) and page 7-5 (LSTM-autoencoder
features for next-day prediction) use the same series, cleaned the
same way, so they share this loader. Page 11-12 shows it; 7-5 imports
it.
"""
# --8<-- [start:load]
import keras
import pandas as pd

STOCK_URL = ("https://raw.githubusercontent.com/kairess/"
             "stock_crypto_price_prediction/master/dataset/005930.KS_5y.csv")
STOCK_SHA256 = ("9501b0f59b7e33d4f88681436dc15c9c"
                "cd0a4d3523b0dde03f5cd11eb38b5f75")


def load_closes():
    """Daily closes (KRW) indexed by date, without the 5 rows of
    volume 0 (a market holiday, a halt, the split), whose flat prices
    are not trades. Close, not Adj Close: the file's Adj Close is wrong
    before 2018-03-29."""
    path = keras.utils.get_file("005930.KS_5y.csv", STOCK_URL,
                                file_hash=STOCK_SHA256)
    prices = pd.read_csv(path, parse_dates=["Date"])
    return prices[prices.Volume > 0].set_index("Date").Close
# --8<-- [end:load]
