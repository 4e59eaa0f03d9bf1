"""The coordinators' report: anonymous statistics of digital-support need from the conversations.

`store` reads the tracker store read-only and turns each conversation into categorical values
only (`records`); `tables` counts them, `suppression` hides small cells and the cells that would
give them away; `render` writes the HTML, CSV and summary. `simulate` fills a store with
conversations of simulated residents through the real assistant.
"""
