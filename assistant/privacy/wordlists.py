"""Word lists for the name heuristics. Matching is case-sensitive on capitalised words.

FIRST_NAMES leaves out names that are also ordinary words or drug slang (Will, May, Grace,
Hope, Frank, Mark, Jack, Crystal, Molly, Charlie, Tina, Henry...), so a hit on its own is a name.
CAPITALISED_WORDS are words that are capitalised in ordinary clinical and cue-map text (days,
months, holidays, family words, places, services, medicines, brands): never part of a name pair.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FIRST_NAMES = _words(
    """
    Aaron Abigail Adam Adrian Ahmed Aidan Aiden Aisha Alan Albert Alex Alexander Alexandra
    Alexis Alfie Ali Alice Alicia Alison Allison Amanda Amelia Amir Amy Andrea Andrew Andy
    Angela Anita Ann Anna Anne Annie Anthony Antonio Archie Arthur Ashley Ashok Ava Barbara
    Becky Ben Benjamin Bernard Beth Bethany Betty Beverley Brandon Brenda Brendan Brian Bridget
    Bryan Caitlin Callum Cameron Carl Carla Carlos Caroline Carolyn Catherine Cathy Charlotte
    Chloe Chris Christina Christine Christopher Claire Clare Colin Connor Craig Cynthia Daisy
    Dale Damian Damien Daniel Danielle Danny Darren Dave David Davina Dean Debbie Deborah Debra
    Declan Denise Dennis Derek Diana Diane Dominic Donna Doris Dorothy Douglas Dylan Edward
    Eileen Elaine Eleanor Elijah Elizabeth Ella Ellie Emily Emma Eric Erin Ethan Evelyn Fatima
    Fiona Freya Gareth Gary Gavin Gemma Geoffrey George Gerald Gillian Gloria Gordon Graham
    Gregory Hannah Harold Harriet Harry Hassan Hayley Heidi Helen Howard Hussein Ian Imran Isaac
    Isabel Isabella Isla Jacob Jacqueline Jake James Jamie Jane Janet Janice Jason Jasmine
    Jayden Jean Jeff Jeffrey Jennifer Jenny Jeremy Jessica Jill Joan Joanna Joanne Jodie Joe
    Joel John Johnny Jon Jonathan Jose Joseph Joshua Joyce Juan Judith Judy Julia Julie Justin
    Karen Kate Katherine Kathleen Kathryn Katie Kayla Keith Kelly Kenneth Kerry Kevin Kieran
    Kimberly Kyle Laura Lauren Leah Leanne Leon Leonard Liam Linda Lindsay Lisa Logan Lorraine
    Louis Louise Lucas Lucy Luis Luke Lynn Mandy Margaret Maria Marie Marilyn Martin Martha Mary
    Matthew Megan Melanie Melissa Michael Michelle Mike Mildred Mohammed Mohammad Muhammad Nancy
    Naomi Natalie Nathan Neil Nicholas Nicola Nicole Niamh Nigel Noah Norman Oliver Olivia Omar
    Oscar Owen Pamela Patricia Patrick Paul Paula Pauline Peter Philip Phillip Phoebe Priya
    Rachel Rajesh Ralph Raymond Rebecca Richard Rebekah Rhys Ricky Robert Roberto Roger Ronald
    Rosemary Ross Ruth Ryan Samantha Samuel Sandra Sarah Scott Sean Shane Shannon Sharon Shaun
    Sheila Shirley Simon Sinead Sophia Sophie Stacey Stephanie Stephen Steve Steven Stuart Susan
    Suzanne Tamara Tanya Tara Teresa Terry Theresa Thomas Timothy Tom Tommy Tony Tracey Tracy
    Trevor Tyler Valerie Vanessa Victoria Vincent Walter Wayne William Yasmin Yusuf Zach Zachary
    Zara Zoe
    """
)

CAPITALISED_WORDS = _words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays
    Thursdays Fridays Saturdays Sundays January February March April May June July August
    September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Christmas Easter Eid Ramadan Diwali Hanukkah Passover Thanksgiving Halloween Boxing Eve New
    Year Years Bank Holiday Holidays Mother's Father's Valentine's Day Night Weekend Morning
    Evening Mum Mom Mummy Mommy Dad Daddy Nan Nana Nanny Gran Granny Grandma Grandad Granddad
    Grandpa Grandmother Grandfather Auntie Aunt Uncle Mother Father Sister Brother Cousin Son
    Daughter Baby Wife Husband Partner Boyfriend Girlfriend God Jesus Christ Lord Allah Bible
    Church Mosque Temple Alcoholics Narcotics Cocaine Gamblers Anonymous Smart Recovery Step
    Steps Twelve Big Book Serenity Prayer Higher Power Fellowship Health Service Services
    Hospital Clinic Centre Center Unit Ward Team Department Emergency Accident General Royal
    Community Mental Questionnaire Scale Assessment Inventory Index Disorder Disorders Test
    Screening Alcohol Use Identification Drug Drugs Abuse Severity Clinical Institute Withdrawal
    Opiate Opioid Treatment Programme Program Plan Relapse Prevention Recovery Support Group
    Groups Meeting Meetings Session Sessions Court Probation Police Prison Job Jobcentre Plus
    Council Housing Benefit Benefits Universal Credit Social Work Worker School College
    University Primary Care Practice Surgery Pharmacy Chemist Boots Suboxone Subutex Espranor
    Buvidal Sublocade Narcan Nyxoid Methadone Physeptone Buprenorphine Naltrexone Naloxone
    Vivitrol Antabuse Campral Acamprosate Disulfiram Nalmefene Selincro Chantix Champix Xanax
    Valium Klonopin Ativan Librium Diazepam Oxycontin OxyContin Percocet Vicodin Fentanyl
    Tramadol Codeine Adderall Ritalin Lyrica Pregabalin Gabapentin Zopiclone Seroquel Prozac
    Sertraline Zoloft Lexapro Wellbutrin Spice Mamba Red Bull Monster Guinness Stella Artois
    Carling Budweiser Bud Light Coors Corona Heineken Peroni Smirnoff Bacardi Jameson Jack
    Daniel's Daniels Jägermeister Buckfast Strongbow Frosty White Lightning Special Brew
    Tennent's Foster's Kronenbourg Fosters Marlboro Benson Hedges Lambert Butler Rizla Coca Cola
    Coke Pepsi Tesco Express Sainsbury's Asda Aldi Lidl Spar Walmart Target Costco Starbucks
    McDonald's Burger King Wetherspoons Spoons Greggs Netflix Facebook Instagram TikTok Snapchat
    WhatsApp YouTube Twitter Reddit Uber Deliveroo Amazon Google Apple Xbox PlayStation Premier
    League Champions Super Bowl World Cup Match Grand National Festival Lotto Ladbrokes Betfair
    Paddy Power Bet365 Coral Mecca Bingo Casino North South East West Street Road Lane Avenue
    City Town High Park St Child Protection Safeguarding Services Africa Europe Asia America
    Station Bridge River Lake Mount Saint Market Square Green Hill Lion Crown Anchor Arms Bell
    Swan Star Oak Head Inn Tavern Bar Pub Club Hotel Social Cafe Shop Store Mall Estate Flats
    Tower House Home Office Airport Beach Stadium Arena Kitchen English British Irish Scottish
    Welsh American Australian Polish Catholic Muslim Christian Jewish Hindu Sikh The A An And Of
    In On At To For With My His Her Their Our Your It This That He She They We You But Or So
    Then When After Before If Not No Yes Also Just Still Every Some All Any Each Both Next Last
    First Second Third Old Dear Mr Mrs Ms Miss Mx Dr Prof Sir Madam Doctor Nurse GP Patient
    Client Pt Sponsor Key Keyworker Therapist Counsellor Counselor Officer Manager Boss OK Okay
    Hi Hello Thanks Thank Please Sorry Note Notes Plan Goal Goals Trigger Triggers Cue Cues
    Craving Cravings Urge Urges Coping Internal External Feelings Thoughts Body Place People
    Time Times Situation Situations Answer Question Summary Today Tomorrow Yesterday Tonight
    Spring Summer Autumn Fall Winter Weekday Weekends Payday Black Blue Brown Gold Silver Grey
    Gray Orange Pink Purple Yellow Big Little Long Short Great Good Bad Best Worst Happy Hour
    Hours Sober October Dry January Veganuary Stoptober Lent Wii Sky Sports TV Radio Love Island
    Strictly Bake Off
    """
)

# Words after which the next capitalised word is a name: "Dr Green", "Uncle Kev".
TITLES = _words(
    """
    Mr Mrs Ms Miss Mx Dr Prof Sir Dame Rev Fr Sr Uncle Auntie Aunt Aunty Nan Nana Nanny Gran
    Granny Grandma Grandad Grandpa Cousin
    """
)

# Words after which a capitalised pair is a place, an organisation or a title, not a person:
# "home from Manchester Piccadilly", "the smell of Lynx Africa", "watching Top Gear".
PLACE_OR_TITLE_BEFORE = _words(
    """
    the a an this that at in on to into from of past near outside inside via round around
    towards toward across behind opposite off down up along through watching watch watched
    watches listening listen listened listens reading read reads playing play played plays buys
    buy bought sells sell sold drinking drinks drank smells smell smelt smelled
    """
)

# "her boyfriend Kev", "my sponsor Mike": the capitalised word after one of these is a name.
RELATION_WORDS = _words(
    """
    husband wife partner boyfriend girlfriend fiance fiancee fiancé fiancée ex son daughter
    brother sister mum mom mother dad father friend mate cousin uncle aunt auntie nan gran
    grandma grandad grandpa grandmother grandfather sponsor dealer boss neighbour neighbor
    flatmate roommate housemate colleague coworker co-worker gp doctor therapist keyworker
    counsellor counselor niece nephew stepdad stepmum stepmom stepson stepdaughter carer
    landlord landlady kid kids child children baby pal buddy bestie
    """
)

# Never part of a name, even right after a title.
FUNCTION_WORDS = _words(
    """
    The A An And Of In On At To For With My His Her Their Our Your It This That He She They We
    You But Or So Then When If Not No Yes Is Was Has Had Who Said Says
    """
)
