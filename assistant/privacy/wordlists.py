"""Word lists for the name finder, matched case-insensitively.

CAPITALISED_WORDS are words capitalised in ordinary clinical and cue-map text (days, months,
holidays, family words, places, services, medicines, shops, drinks named after people) and
CLINICAL_WORDS the clinical vocabulary and drug slang that name lists also hold ("molly",
"charlie", "tina", "ket"): never a name, whatever their case; nor are BRAND_WORDS, drinks and
tobacco brands. BRAND_PHRASES hold person names but name a product or a place.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Drinks and tobacco brands that are no one's first name: a capitalised word right after one
# names the product, not a person ("Pepsi Max", "Coke Zero", "Red Bull Summer Edition").
BRAND_WORDS = _words(
    """
    Bull Monster Relentless Rockstar Lucozade Sprite Tango Lilt Vimto Ribena Irn-Bru Irn Bru Fanta
    Schweppes
    Pepsi Coke Coca Cola Diet Guinness Artois Carling Carlsberg Budweiser Bud Coors Heineken
    Peroni Amstel Cobra Kingfisher Tyskie Kronenbourg Tennent's Foster's Fosters
    Strongbow Magners Thatchers Kopparberg Rekorderlig Lambrini Desperados Hooch WKD Smirnoff
    Absolut Bacardi Baileys Jägermeister Buckfast Marlboro Mayfair Rizla
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
    Sertraline Zoloft Lexapro Wellbutrin Spice Mamba Red Stella Light Corona Jameson Jack
    Daniel's Daniels Frosty White Lightning Special Brew Benson Hedges Lambert Butler Tesco
    Express Sainsbury's Asda Aldi Lidl Spar Walmart Target Costco Starbucks
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
    Granny Grandma Grandad Grandpa Cousin Mr. Mrs. Ms. Dr. Prof. Mister Madam Madame Mme Herr Frau
    Señor Señora Sra Sr. Signor Signora Monsieur
    """
)

# Family words as people say and text them, in English and in the languages of many families
# here ("Mam", "Nanna", "Nonna", "Babcia", "Nani", "my cuz", "hubby"): never a name, though the
# name lists hold many of them ("mam", "nanna", "bro", "sis"), and a name may follow one.
KIN_WORDS = _words(
    """
    mam mammy mamma momma mama ma maw pa da papa pop pops nanna nannie nain taid gramps grampy
    grampa gramma grammy granda grandda nonna nonno oma opa abuela abuelo abuelita abuelito
    bubbe zayde yiayia papou babcia dziadek babushka dedushka nani dadi dada ammi abbu amma appa
    hubby wifey missus fella cuz cuzzy cuzzie coz bro bruv bruh sis sista bezzie bae homie
    """
)

# "her boyfriend Kev", "my sponsor Mike": the capitalised word after one of these is a name.
RELATION_WORDS = KIN_WORDS | _words(
    """
    husband wife partner boyfriend girlfriend fiance fiancee fiancé fiancée ex son daughter
    brother sister mum mom mother dad father friend mate cousin uncle aunt auntie nan gran
    grandma grandad grandpa grandmother grandfather sponsor dealer boss neighbour neighbor
    flatmate roommate housemate colleague coworker co-worker gp doctor therapist keyworker
    counsellor counselor niece nephew stepdad stepmum stepmom stepson stepdaughter carer
    landlord landlady kid kids child children baby pal buddy bestie nurse barman barmaid
    bartender manager classmate teammate officer worker ex-girlfriend ex-boyfriend ex-wife
    ex-husband sister-in-law brother-in-law mother-in-law father-in-law grandson granddaughter
    grandmother grandfather stepbrother stepsister supervisor guy girl lad bloke woman man
    pharmacist psychiatrist psychologist consultant midwife paramedic dentist teacher tutor
    coach vicar priest imam pastor chaplain lodger cellmate
    """
)

# Never part of a name, even right after a title.
FUNCTION_WORDS = _words(
    """
    The A An And Of In On At To For With My His Her Their Our Your It This That He She They We
    You But Or So Then When If Not No Yes Is Was Has Had Who Said Says I'm I've I'd I'll You're
    We're They're You've We've They've Vs Versus
    """
)

# Medicines, drug slang, services and acronyms of substance-use care (any case).
CLINICAL_WORDS = _words(
    """
    molly mandy charlie charly tina crystal ket special henry mary jane spice mamba bud ice
    coke crack smack gear skag brown white weed skunk hash grass pills benzos benzo xanny xannies
    oxy percs roxy lean codeine subby subbies bupe bupes methadone meth mdma lsd acid shrooms
    gabbies pregabs sertraline naltrexone naloxone narcan nyxoid suboxone subutex vivitrol
    antabuse campral chantix champix zyban ambien seroquel lyrica neurontin gabapentin klonopin
    valium xanax ativan librium adderall ritalin oxycontin percocet vicodin tramadol fentanyl
    paracetamol ibuprofen nicotine vape vaping aa na ca ga smart cbt dbt mat iop phq audit bac
    vta gp nhs ae a&e icu er rehab detox sponsor insula amygdala striatum accumbens hippocampus
    prefrontal orbitofrontal cortex dopamine pavlovian uber eats netflix tinder grindr
    whatsapp instagram jäger jager sherry lager cider vodka gin rum whisky whiskey tequila
    grappa prosecco rosé baileys bailey's kahlua malibu pimm's pimms cointreau disaronno
    bingo bookies offy offie chippy lent
    """
)

# Times of day and seasons, some of them first names too ("Dawn", "Summer", "Autumn"): such a
# word is a person only by what it does or where it stands ("Dawn drives me to the clinic",
# "Summer and [Dawn] from the hostel", "my sister Autumn"), never by the recogniser's guess or
# its rarity alone ("Dawn is the worst time, I wake up shaking").
DAY_AND_SEASON_WORDS = _words(
    """
    dawn dusk daybreak sunrise sunset twilight nightfall midnight midday noon morning evening
    night summer autumn winter spring
    """
)

# Units of a dose and the standard prescription abbreviations written beside one ("Lorazepam
# 1 mg PRN, max 4 mg in 24 h", "5 mg IM stat", "100 mg tds po"): never a name in a text that
# holds a dose, whatever their case ("Max", "Mg" and "Stat" are names elsewhere).
DOSE_UNITS = _words(
    """
    mg mcg µg ug microgram micrograms g gram grams ml mL millilitre millilitres milliliter
    milliliters mmol iu IU unit units tab tabs tablet tablets cap caps capsule capsules puff
    puffs sachet sachets ampoule ampoules vial vials
    """
)
# Counted after a number in a dose line, but a count of these alone ("3 days") is no dose.
DOSE_COUNTS = _words(
    """
    dose doses drop drops spray sprays patch patches pair pairs l litre litres h hr hrs hour
    hours min mins d day days wk week weeks
    """
)
DOSE_ABBREVIATIONS = _words(
    """
    od bd bid tds tid qds qid qh qhs q4h q6h q8h q12h prn stat mane nocte om hs ac pc po pr sl
    sc sq im iv ivi inh neb top max min maximum minimum daily nightly weekly
    """
)

# Person names that name a product, a place or an idea here ("a bottle of Jack Daniel's").
BRAND_PHRASES = (
    "jack daniel's",
    "jack daniels",
    "captain morgan",
    "johnnie walker",
    "jim beam",
    "mcdonald's",
    "ronald mcdonald",
    "tim hortons",
    "ben & jerry's",
    "dr pepper",
    "mary jane",
    "special k",
    "big book",
    "higher power",
    "st john's wort",
    "rose wine",
    "celtic",
    "tia maria",
    # cannabis strains named like people
    "amnesia haze",
    "lemon haze",
    "purple haze",
    "silver haze",
    "jack herer",
    "bruce banner",
    "charlotte's web",
    "white widow",
)

# Joining words inside a name: "Jan van der Berg", "María de la Cruz", "Niamh Ní Bhriain",
# "Wiremu Te Rangi".
PARTICLES = _words(
    """
    van der den de la le du del della dos da das di bin ibn bint binti al el ben ter ten von
    ní nic ó ua mac ap te
    """
)
