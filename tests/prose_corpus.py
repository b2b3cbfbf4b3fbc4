"""A corpus of ordinary, non-legal prose (sports, business, culture), generated from templates and
vocabulary written for this project, to check that the generated tiers stay silent outside law.

The vocabulary deliberately contains the traps a large name table invites: capitalised phrases
ending in "Act" ("the Second Act Theater", "a Disappearing Act"), surnames shared with famous
cases ("Miranda", "Brown", "Scott"), "X vs. Y" fixtures, and section numbers of a stadium.
"""

from __future__ import annotations

import random

TEAMS = ["Riverton Hawks", "Lakeside Comets", "Brown Bears", "Harbor City Mariners", "Scott County Rams",
         "Northfield Owls", "Granite Falls Miners", "Carver Street Kings", "Monroe Valley Foxes", "Pine Ridge Larks"]
PLAYERS = ["Lena Miranda", "Tomás Ortega", "Jamal Brown", "Priya Natarajan", "Ollie Scott", "Greta Lindqvist",
           "Marcus Kelo", "Hana Sato", "Dev Patel", "Rosa Gideon", "Felix Roe", "Ada Hopkins"]
COMPANIES = ["Bluewater Foods", "Altamira Solar", "Kestrel Logistics", "Pemberton & Daughters", "Northgate Mills",
             "Orchid Telecom", "Quarry Lane Bakeries", "Silverline Motors", "Halcyon Games", "Tidewater Paper"]
SHOWS = ["the Second Act Theater", "A Disappearing Act", "The Balancing Act", "Class Act Revue",
         "the Final Act Tour", "Act Three Studios", "the Vanishing Act festival", "Big Top Act"]
CITIES = ["Duluth", "Savannah", "Boise", "Providence", "Tacoma", "Santa Fe", "Wichita", "Burlington"]
DISHES = ["smoked trout", "lemon tart", "mushroom risotto", "corn chowder", "plum dumplings", "lamb stew"]
MONTHS = ["January", "March", "May", "July", "September", "November"]

SPORTS = [
    "{team} beat {team2} {a}-{b} on {month} {day}, with {player} scoring twice in the second half.",
    "In the {team} vs. {team2} game, {player} played all {a}{b} minutes and set up the winner.",
    "{player} signed a {a}-year deal with {team}, the club said on its website.",
    "Fans in Section {sec} of the arena cheered as {player} hit a buzzer-beater against {team2}.",
    "Coach {player} called the comeback against {team} a real balancing act for a young roster.",
    "{team} v. {team2} is the fixture everyone circles on the calendar, and this year it sold out in an hour.",
    "After the game {player} said the team would review the tape and act on what it showed.",
]
BUSINESS = [
    "{company} reported revenue of ${a}.{b} billion for the quarter, ahead of analysts' forecasts.",
    "Shares of {company} rose {a} percent after the firm announced a new plant in {city}.",
    "{company} and {company2} agreed to merge, creating the largest supplier in the region.",
    "The chief executive of {company}, {player}, said the company would hire {a}{b}0 workers next year.",
    "Investors watched {company} closely as it launched a product line called Act Now Essentials.",
    "{company} cut its dividend in {month}, citing higher costs for paper, fuel and freight.",
    "A spokesperson for {company} declined to comment on the rumored sale of its {city} warehouse.",
]
CULTURE = [
    "{show} opens in {city} on {month} {day}, starring {player} in a role written for her.",
    "Critics praised {show}, calling the closing scene of the second act the best of the season.",
    "The museum in {city} will show {a}{b} paintings on loan, including a portrait of {player}.",
    "At the food festival, {player} served {dish} to a line that stretched around the block.",
    "{player}'s new novel follows three sisters who run a bakery in {city} during a hard winter.",
    "The band closed with an encore, and {player} thanked the crowd for a decade of support.",
    "In {show}, a magician performs a vanishing act with a rowboat and a live goose.",
    "The Act One Players staged a reading in {city}, and tickets were free for students.",
]


def prose(min_bytes: int = 210_000, seed: int = 13) -> str:
    """Paragraphs of everyday news prose, at least ``min_bytes`` long, the same for one seed."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < min_bytes:
        templates = rng.choice([SPORTS, BUSINESS, CULTURE])
        sentences = []
        for _ in range(rng.randint(3, 6)):
            team, team2 = rng.sample(TEAMS, 2)
            company, company2 = rng.sample(COMPANIES, 2)
            sentences.append(rng.choice(templates).format(
                team=team, team2=team2, player=rng.choice(PLAYERS), company=company, company2=company2,
                show=rng.choice(SHOWS), city=rng.choice(CITIES), dish=rng.choice(DISHES),
                month=rng.choice(MONTHS), day=rng.randint(1, 28), a=rng.randint(1, 9), b=rng.randint(0, 9),
                sec=rng.randint(100, 340)))
        paragraph = " ".join(sentences)
        paragraph = paragraph[0].upper() + paragraph[1:]
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)
