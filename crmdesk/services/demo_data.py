"""What the demo book is made of: countries whose cities, streets, postcodes, phones, e-mail
domains, companies, languages and names belong together, and life stories (an age, an
occupation, a need, the contact and the follow-up that need brings) that read well in a
profile summary. Pure data; services/demo.py puts it together."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Names:
    """A pool of names. `language` is the one its bearers may prefer where the country has
    more than one ("" = the country's)."""

    feminine: tuple[str, ...]
    masculine: tuple[str, ...]
    family: tuple[str, ...]
    two_surnames: bool = False  # Spanish-speaking: the father's and the mother's family name
    language: str = ""


@dataclass(frozen=True)
class City:
    name: str
    region: str
    postcode: str  # '#' a digit, '@' a capital letter
    streets: tuple[str, ...]
    phones: tuple[str, ...]  # landlines ('#' a digit); in North America and Mexico mobiles too


@dataclass(frozen=True)
class Country:
    code: str
    language: str
    cities: tuple[City, ...]
    names: tuple[tuple[Names, int], ...]  # pools and their weights
    mobiles: tuple[str, ...]  # empty: mobiles look like the city's numbers
    domains: tuple[str, ...]
    companies: tuple[str, ...]
    number_first: bool  # "12 King Street West" (True) or "Calle Sierpes, 12"
    postcode_letters: str = "ABCDEFGHJKLMNPRSTUVWXYZ"


ANGLO = Names(
    ("Mary", "Olivia", "Emma", "Ava", "Sophia", "Charlotte", "Amelia", "Harper", "Evelyn",
     "Abigail", "Grace", "Chloé", "Zoë", "Victoria", "Hannah", "Nora", "Isabella", "Penelope",
     "Ruth", "Eleanor", "Margaret", "Alice", "Lucy", "Sarah", "Rebecca", "Claire", "Fiona",
     "Siobhán", "Elizabeth", "Megan", "Julia", "Natalie", "Laura", "Helen", "Caroline",
     "Katherine", "Rachel", "Joanna", "Louise", "Bridget", "Imogen", "Jessica", "Samantha",
     "Lauren", "Madeleine", "Anne", "Diana", "Frances", "Beatrice", "Rosalind"),
    ("James", "Liam", "Noah", "William", "Benjamin", "Lucas", "Henry", "Jack", "Daniel",
     "Michael", "Owen", "Alexander", "Ethan", "Sebastian", "Samuel", "David", "Joseph",
     "Gabriel", "Isaac", "Theodore", "Thomas", "Edward", "George", "Patrick", "Andrew",
     "Robert", "Connor", "Seán", "Matthew", "Christopher", "Jonathan", "Richard", "Peter",
     "Charles", "Nathan", "Adam", "Oliver", "Hugh", "Simon", "Martin", "Graham", "Stephen",
     "Timothy", "Francis", "Dominic", "Harrison", "Elliot", "Callum", "Ronan", "Declan"),
    ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
     "Taylor", "Moore", "Martin", "Thompson", "White", "Harris", "Clark", "O'Brien",
     "MacDonald", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker",
     "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Phillips", "Evans",
     "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers",
     "Morgan", "Cooper", "Bailey", "Reed", "Kelly", "Howard", "Ward", "Watson", "Brooks",
     "Bennett", "Gray", "Hughes", "Price", "Fitzgerald", "Sullivan", "Quinn", "Fraser",
     "Doyle", "Kennedy", "Lawson", "Palmer", "Russell", "Sinclair", "Warren", "Wells",
     "Abbott", "Barnes", "Carter", "Dawson", "Ellis", "Fletcher", "Gordon", "Hamilton",
     "Ingram", "Jennings", "Knight", "Lambert", "Marshall", "Newman", "Osborne", "Pearce",
     "Ramsey", "Shaw", "Thornton", "Underwood", "Vaughan", "Whitfield", "Yates", "Burke",
     "Chapman", "Donovan", "Everett", "Forbes", "Gallagher", "Hayes", "Irving", "Jordan",
     "Keane", "Lowe", "McKenzie", "Nolan", "O'Connor", "Porter", "Riley", "Sutherland",
     "Tucker", "Walsh"))
SPANISH = Names(
    ("Dolores", "María", "Lucía", "Sofía", "Inés", "Begoña", "Nuria", "Águeda", "Pilar",
     "Rocío", "Concepción", "Carmen", "Elena", "Marta", "Paula", "Alba", "Cristina",
     "Montserrat", "Ainhoa", "Amparo", "Macarena", "Irene", "Beatriz", "Teresa"),
    ("José", "Álvaro", "Martín", "Íñigo", "Jesús", "Ramón", "Sergio", "Joaquín", "Andrés",
     "Nicolás", "Javier", "Manuel", "Francisco", "Antonio", "Pablo", "Jorge", "Alberto", "Iker",
     "Jordi", "Rafael", "Fernando", "Ignacio", "Gonzalo", "Enrique"),
    ("Peña", "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
     "Pérez", "Gómez", "Jiménez", "Ruiz", "Hernández", "Díaz", "Muñoz", "Álvarez", "Ibáñez",
     "Castaño", "Moreno", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos",
     "Gil", "Serrano", "Blanco", "Molina", "Morales", "Ortega", "Delgado", "Castro", "Ortiz",
     "Rubio", "Marín", "Sanz", "Iglesias", "Núñez", "Medina", "Garrido", "Echeverría",
     "Aguirre", "Goikoetxea", "Puig", "Ferrer"),
    two_surnames=True, language="es")
MEXICAN = Names(
    ("Guadalupe", "Ximena", "Itzel", "Fernanda", "Valeria", "Daniela", "Mariana", "Regina",
     "Camila", "Alejandra", "Gabriela", "Verónica", "Adriana", "Lorena", "Citlali", "Paola",
     "Andrea", "Renata", "Yolanda", "Rosario"),
    ("Luis", "Carlos", "Alejandro", "Emiliano", "Santiago", "Diego", "Miguel", "Jorge",
     "Ricardo", "Arturo", "Eduardo", "Héctor", "Rodrigo", "Mateo", "Sebastián", "Óscar",
     "Raúl", "Cuauhtémoc", "Gerardo", "Armando"),
    ("Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez",
     "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres",
     "Díaz", "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo",
     "Romero", "Álvarez", "Chávez", "Rivera", "Juárez", "Ramos", "Domínguez", "Herrera",
     "Medina", "Castro", "Vargas", "Guzmán", "Velázquez", "Salazar", "Orozco", "Zúñiga",
     "Peña", "Ibarra", "Cervantes"),
    two_surnames=True, language="es")
POLISH = Names(
    ("Małgorzata", "Zofia", "Agnieszka", "Katarzyna", "Anna", "Joanna", "Ewa", "Barbara",
     "Magdalena", "Jadwiga"),
    ("Łukasz", "Krzysztof", "Paweł", "Wojciech", "Michał", "Tomasz", "Piotr", "Grzegorz",
     "Jerzy", "Bartosz"),
    ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
     "Woźniak", "Dąbrowski", "Szymański", "Kozłowski", "Jankowski", "Mazur", "Krawczyk",
     "Piotrowski", "Grabowski", "Pawłowski", "Michalski"))
VIETNAMESE = Names(
    ("Hương", "Ngọc", "Phương", "Thảo", "Chi", "Hà", "Lan", "Mai", "Trang", "Yến", "Linh"),
    ("Minh", "Dũng", "Bảo", "Anh", "Quốc", "Tuấn", "Hùng", "Khoa", "Long", "Việt"),
    ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ",
     "Hồ", "Ngô", "Dương", "Lý"))
EUROPEAN = Names(  # families from Scandinavia, Germany and France
    ("Åsa", "Kirsten", "Ingrid", "Käthe", "Lena", "Hélène", "Gaëlle", "Amélie", "Birgit",
     "Sigrid", "Élodie", "Margot"),
    ("Søren", "Bjørn", "Jürgen", "Günter", "Maximilian", "François", "Benoît", "Anders",
     "Henrik", "Torsten", "Étienne", "Lars"),
    ("Øster", "Sørensen", "Ødegaard", "Lindqvist", "Johansson", "Müller", "Schröder",
     "Lefèvre", "Dubois", "Lemaître", "Großmann", "Andersson", "Bergström", "Nilsson",
     "Fischer", "Weber", "Wagner", "Becker", "Moreau", "Laurent", "Girard", "Rousseau"))

COUNTRIES: tuple[tuple[Country, int], ...] = (
    (Country(
        "US", "en",
        (City("Boston", "MA", "021##",
              ("Beacon Street", "Newbury Street", "Commonwealth Avenue", "Boylston Street",
               "Marlborough Street", "Charles Street"), ("+1617555####", "+1857555####")),
         City("New York", "NY", "100##",
              ("Park Avenue", "West 72nd Street", "Madison Avenue", "Bleecker Street",
               "Riverside Drive", "East 86th Street"), ("+1212555####", "+1646555####")),
         City("San Francisco", "CA", "941##",
              ("Market Street", "Valencia Street", "Lombard Street", "Divisadero Street",
               "Fillmore Street"), ("+1415555####", "+1628555####")),
         City("Miami", "FL", "331##",
              ("Brickell Avenue", "Ocean Drive", "Biscayne Boulevard", "Coral Way"),
              ("+1305555####", "+1786555####"))),
        ((ANGLO, 72), (MEXICAN, 16), (EUROPEAN, 5), (POLISH, 3), (VIETNAMESE, 4)), (),
        ("example.com", "mail.example.net", "example.org"),
        ("Acme Corp", "Globex", "Initech", "Contoso Ltd", "Harborview Dental", "Umbrella Health"),
        True), 36),
    (Country(
        "CA", "en",
        (City("Toronto", "ON", "M#@ #@#",
              ("King Street West", "Queen Street East", "Yonge Street", "Bloor Street West",
               "Spadina Avenue", "Dundas Street West"), ("+1416555####", "+1647555####")),
         City("Hamilton", "ON", "L8P #@#",
              ("King Street East", "James Street North", "Locke Street South",
               "Main Street West"), ("+1905555####", "+1289555####")),
         City("Vancouver", "BC", "V6B #@#",
              ("Granville Street", "Robson Street", "West Broadway", "Commercial Drive"),
              ("+1604555####", "+1778555####"))),
        ((ANGLO, 70), (VIETNAMESE, 12), (POLISH, 10), (EUROPEAN, 8)), (),
        ("example.ca", "mail.example.net"),
        ("Northwind Traders", "Maple Leaf Logistics", "Contoso Ltd", "Lakeshore Clinic"),
        True, "ABCEGHJKLMNPRSTVXY"), 14),
    (Country(
        "GB", "en",
        (City("London", "", "SW1# #@@",
              ("Baker Street", "King's Road", "Marylebone High Street", "Fulham Road",
               "Upper Street"), ("+44207#######", "+44208#######")),
         City("Manchester", "", "M# #@@",
              ("Deansgate", "Oxford Road", "Wilmslow Road", "Princess Street"),
              ("+441612######", "+441614######")),
         City("Edinburgh", "", "EH# #@@",
              ("George Street", "Princes Street", "Leith Walk", "Morningside Road"),
              ("+441312######", "+441314######"))),
        ((ANGLO, 88), (POLISH, 8), (EUROPEAN, 4)), ("+447400######", "+447500######"),
        ("example.co.uk", "mail.example.net"),
        ("Fabrikam Ltd", "Thames Analytics", "Contoso Ltd", "Highland Distillers"),
        True, "ABDEFGHJLNPQRSTUWXYZ"), 10),
    (Country(
        "ES", "es",
        (City("Madrid", "Comunidad de Madrid", "280##",
              ("Calle de Alcalá", "Gran Vía", "Calle de Serrano", "Paseo de la Castellana",
               "Calle de Velázquez", "Calle Mayor"), ("+3491#######",)),
         City("Sevilla", "Andalucía", "410##",
              ("Calle Sierpes", "Avenida de la Constitución", "Calle Feria", "Calle Betis",
               "Calle San Jacinto"), ("+34954######", "+34955######")),
         City("Bilbao", "País Vasco", "480##",
              ("Gran Vía de Don Diego López de Haro", "Calle Ercilla", "Alameda de Recalde",
               "Calle Licenciado Poza"), ("+34944######", "+34946######")),
         City("Barcelona", "Cataluña", "080##",
              ("Passeig de Gràcia", "Carrer de Balmes", "Avinguda Diagonal",
               "Carrer de Muntaner"), ("+3493#######",)),
         City("Valencia", "Comunitat Valenciana", "460##",
              ("Calle de Colón", "Avenida del Puerto", "Gran Vía Marqués del Turia",
               "Calle de la Paz"), ("+3496#######",))),
        ((SPANISH, 100),), ("+346########", "+347########"),
        ("correo.example.es", "example.es", "example.com"),
        ("Peña & Hijos S.L.", "Café Ñandú S.L.", "Construcciones Ebro S.A.",
         "Bodegas Albariño S.L.", "Clínica Dental Sonrisa"),
        False), 24),
    (Country(
        "MX", "es",
        (City("Ciudad de México", "CDMX", "0##00",
              ("Avenida Paseo de la Reforma", "Avenida Presidente Masaryk", "Calle Madero",
               "Avenida Insurgentes Sur", "Calle Ámsterdam"), ("+5255########",)),
         City("Guadalajara", "Jalisco", "44###",
              ("Avenida Chapultepec", "Avenida Vallarta", "Avenida de la Paz",
               "Calle Morelos"), ("+5233########",)),
         City("Monterrey", "Nuevo León", "64###",
              ("Avenida Constitución", "Calzada del Valle", "Avenida Lázaro Cárdenas",
               "Calle Padre Mier"), ("+5281########",))),
        ((MEXICAN, 100),), (),
        ("example.com.mx", "correo.example.mx", "example.com"),
        ("Grupo Tláloc S.A. de C.V.", "Café Ñandú", "Textiles del Bajío", "Consultorio Médico "
         "Roma"),
        False), 16),
)

# Where a person prefers the language of their name pool (a Spanish speaker in Miami): how often.
OWN_LANGUAGE = 0.5

TITLES = {"en": (("Ms", "Ms", "Mrs"), "Mr", "Dr"), "es": (("Sra.",), "Sr.", "Dra.")}

WORKING = ("Architect", "Dentist", "Teacher", "Lawyer", "Software engineer", "Nurse",
           "Pharmacist", "Chef", "Consultant", "Designer", "Physician", "Accountant",
           "Civil engineer", "Marketing manager")
DOCTORS = ("Dentist", "Physician")


@dataclass(frozen=True)
class Need:
    """What the client came to us about, the contact where it was talked through and the
    follow-up it left. '{pos}' and '{sub}' are her/his and she/he."""

    text: str
    contact: tuple[str, str, str, str]  # channel, subject, notes, outcome
    task: str
    tag: str


NEEDS = {
    "home": Need("Buying a first home",
                 ("video", "Mortgage options",
                  "Compared fixed and variable rates for the flat {sub} wants to buy.",
                  "Offer to follow"), "Send the mortgage offer", "mortgage"),
    "fees": Need("Wants lower fees",
                 ("phone", "Account fees",
                  "Asked why the fees went up; wants a cheaper package.", "Package changed"),
                 "Send the fee table", ""),
    "university": Need("Planning for the children's university fees",
                       ("in_person", "Education savings",
                        "Went through a savings plan for the children's university fees.",
                        "Plan opened"), "Send the savings plan projection", "education"),
    "pension": Need("Pension top-up before retirement",
                    ("in_person", "Pension review",
                     "Reviewed {pos} pension; {sub} can top it up before retiring.",
                     "Top-up agreed"), "Send the pension projection", "pensions"),
    "travel": Need("Needs a card with travel insurance",
                   ("phone", "Travel card", "Asked for a card that includes travel insurance.",
                    "Card ordered"), "Confirm the new card arrived", "travel"),
    "business": Need("Starting a business next year",
                     ("in_person", "Business account",
                      "Talked through an account for {pos} new business.", "Documents listed"),
                     "Send the documents list for the business account", "startup"),
    "inheritance": Need("Inheritance to invest",
                        ("in_person", "Investing an inheritance",
                         "Discussed how to invest an inheritance; prefers low risk.",
                         "Proposal to follow"), "Prepare the investment proposal", ""),
    "income": Need("Turning savings into a monthly income",
                   ("in_person", "Retirement income",
                    "Planned a monthly income from {pos} savings.", "Income plan agreed"),
                   "Book the annual review", "pensions"),
    "online": Need("Help with online banking",
                   ("in_person", "Online banking",
                    "Showed {obj} the banking app; {sub} will call if stuck.", "App set up"),
                   "Call to check the app works", ""),
    "transfers": Need("Sends money home every month",
                      ("chat", "International transfers",
                       "Asked for our rates on monthly transfers abroad.", "Rates sent"),
                      "Check the transfer went through", ""),
    "first": Need("A first debit card and the banking app",
                  ("in_person", "Debit card and app",
                   "Ordered {pos} first debit card and set up the banking app with {obj}.",
                   "Card ordered"), "Confirm the new card arrived", ""),
    "baby": Need("Saving for the baby's future",
                 ("email", "Children's savings account",
                  "Asked how to open a savings account for the baby.", "Forms sent"),
                 "Send the children's account forms", "family"),
    "attorney": Need("Power of attorney for a parent",
                     ("in_person", "Power of attorney",
                      "Brought the power of attorney for {pos} mother's accounts.",
                      "Registered"), "Confirm the power of attorney is registered", "family"),
    "downsize": Need("Selling the family house",
                     ("phone", "Selling the house",
                      "Will sell the family house; wants to invest part of it.",
                      "Meeting booked"), "Book the meeting about the house sale", ""),
    "credit": Need("Building a credit history",
                   ("in_person", "Credit card",
                    "New in the country; asked for a first credit card.", "Secured card offered"),
                   "Send the secured card terms", ""),
    "bigger": Need("A bigger home for the family",
                   ("video", "Bridging loan",
                    "Selling the flat to buy a house; asked about a bridging loan.",
                    "Offer to follow"), "Send the bridging loan offer", "mortgage"),
}


MOVED_HERE = "Moved here from abroad"


@dataclass(frozen=True)
class Life:
    situation: str
    ages: tuple[int, int]
    occupations: tuple[str, ...]
    needs: tuple[str, ...]
    best_times: tuple[str, ...] = ("Weekday mornings", "After 6 pm", "Lunchtime", "Any time", "")


LIVES = (
    Life("University student", (19, 24), ("Student",), ("first", "travel"),
         ("After 6 pm", "Any time", "")),
    Life("Single, travels a lot for work", (26, 45), WORKING, ("travel", "home", "fees"),
         ("After 6 pm", "Lunchtime", "")),
    Life("Newly married", (25, 38), WORKING, ("home", "fees")),
    Life("Expecting a first child", (27, 40), WORKING, ("baby", "home")),
    Life("Married, two children", (33, 52), WORKING, ("university", "bigger", "fees")),
    Life(MOVED_HERE, (24, 50), WORKING, ("transfers", "credit")),
    Life("Runs a family business", (35, 62), ("Entrepreneur",), ("business", "fees")),
    Life("Children have left home", (48, 64), WORKING, ("pension", "downsize")),
    Life("Caring for an elderly parent", (45, 62), WORKING, ("attorney", "pension")),
    Life("Recently retired", (63, 70), ("Retired",), ("income", "inheritance"),
         ("Weekday mornings", "Any time")),
    Life("Widowed, lives alone", (70, 90), ("Retired",), ("online", "inheritance"),
         ("Weekday mornings", "Lunchtime")),
)

INTERESTS = (("Golf and red wine", "golf"), ("Opera, classical music", "opera"),
             ("Sailing", "sailing"), ("Modern art", "art"), ("Cooking, Italian food", "food"),
             ("Marathon running", "running"), ("Travel in Asia", "travel"),
             ("Gardening", "gardening"), ("Football (season ticket)", "football"),
             ("Photography", "art"), ("Tennis", "tennis"), ("Reading crime novels", "books"))
NOTES = ("Prefers to be called on the mobile.", "Met at the charity gala.",
         "Referred by a long-standing client.", "Allergic to shellfish: no seafood invitations.",
         "Likes a short summary before meetings.", "Asked about sustainable funds.",
         "Birthday card every year.", "", "", "")
BILINGUAL_NOTE = "Speaks English and Spanish."

# Channels a client prefers, by relationship type.
PREFERRED = {"exclusive": ("in_person", "phone", "video"),
             "personal": ("phone", "in_person", "email"),
             "self_service": ("email", "sms", ""), "automated": ("email", "sms", ""),
             "community": ("email", "", "in_person"), "co_creation": ("email", "video")}

# Relationship types that fit each segment (VIP clients are not self-service), the stages a
# segment's clients are in (prospects have not converted yet), and how often.
RELATIONSHIPS = {
    "VIP": (("exclusive", 70), ("personal", 25), ("co_creation", 5)),
    "Premium": (("personal", 55), ("exclusive", 15), ("co_creation", 15), ("community", 15)),
    "Standard": (("self_service", 35), ("automated", 20), ("community", 20),
                 ("personal", 25)),
    "Prospect": (("personal", 40), ("automated", 30), ("community", 30)),
}
STAGES = {
    "VIP": (("conversion", 5), ("growth", 35), ("retention", 55), ("reactivation", 5)),
    "Premium": (("acquisition", 5), ("conversion", 10), ("growth", 35), ("retention", 45),
                ("reactivation", 5)),
    "Standard": (("knowledge", 5), ("acquisition", 10), ("conversion", 15), ("growth", 30),
                 ("retention", 30), ("reactivation", 10)),
    "Prospect": (("knowledge", 50), ("acquisition", 40), ("conversion", 10)),
}
SEGMENT_WEIGHTS = (("VIP", 5), ("Premium", 15), ("Standard", 60), ("Prospect", 20))

# Contacts: (channel, subject, notes, outcome). Before a client converts: getting to know us.
PROSPECT_CONTACTS = (
    ("in_person", "First meeting", "Met at the charity gala; interested in our advice.",
     "Card exchanged"),
    ("phone", "Introduction call",
     "Introduced by a long-standing client; asked what we offer.", "Brochure sent"),
    ("email", "Information request", "Asked how to open an account with us.", "Brochure sent"),
    ("video", "Getting to know each other", "First video call about {pos} situation.",
     "Second meeting booked"),
)
OPENING = ("in_person", "Account opening", "Signed the account opening documents.",
           "Account opened")
WIN_BACK = ("phone", "We miss you",
            "Called after a year without news; {sub} had moved the mortgage to another bank.",
            "Meeting booked")
COMPLAINT = ("social", "Complaint", "Complained on social media about the wait in branch.",
             "Apologised")
ROUTINE = {
    "exclusive": (
        ("in_person", "Portfolio review", "Annual review of the portfolio; happy with returns.",
         "Rebalanced"),
        ("phone", "Market update", "Talked through the market fall; no changes wanted.",
         "Reassured"),
        ("video", "Tax certificates", "Went through the tax certificates for {pos} accountant.",
         "Sent"),
        ("in_person", "Lunch", "Lunch near the office; asked after the family.", "")),
    "personal": (
        ("phone", "Card blocked", "Card blocked abroad; asked us to unblock it.", "Unblocked"),
        ("in_person", "Annual review", "Reviewed the accounts and savings together.",
         "No changes"),
        ("email", "Statement request", "Asked for last year's statements for {pos} accountant.",
         "Sent")),
    "self_service": (
        ("chat", "Transfer limits", "Wanted to raise the daily transfer limit.", "Raised"),
        ("portal", "Document upload", "Uploaded the signed contract through the portal.", ""),
        ("email", "Password reset", "Could not log in; the password was reset.", "Solved")),
    "automated": (
        ("automated", "Birthday greeting", "Automatic birthday message sent.", ""),
        ("automated", "Statement ready", "Automatic notice: the quarterly statement is ready.",
         ""),
        ("portal", "Document upload", "Uploaded a signed form through the portal.", "")),
    "community": (
        ("in_person", "Client evening", "Came to the client evening on sustainable investing.",
         "Enjoyed it"),
        ("social", "Forum question", "Asked in the clients' forum about savings rates.",
         "Answered"),
        ("email", "Newsletter reply", "Replied to the newsletter with a question about fees.",
         "Answered")),
    "co_creation": (
        ("video", "App test panel", "Took part in the panel testing the new app.",
         "Feedback noted"),
        ("in_person", "Design workshop", "Came to the workshop on the new statement layout.",
         "Ideas noted"),
        ("email", "Product survey", "Sent detailed answers to the product survey.",
         "Thanked")),
}
# Contacts a person makes at the time of day they are made (the rest: any time).
OFFICE_CHANNELS = frozenset({"in_person", "phone", "video"})

NICKNAMES = {"María": "Mari", "José": "Pepe", "Concepción": "Concha", "Jesús": "Chuy",
             "Dolores": "Lola", "Ramón": "Moncho", "Ignacio": "Nacho", "Francisco": "Paco",
             "Manuel": "Manolo", "Guadalupe": "Lupita", "Rosario": "Charo",
             "William": "Bill", "Benjamin": "Ben", "Michael": "Mike", "Daniel": "Dan",
             "Abigail": "Abby", "Charlotte": "Lottie", "Elizabeth": "Liz", "Robert": "Bob",
             "Christopher": "Chris", "Matthew": "Matt", "Krzysztof": "Krzyś",
             "Małgorzata": "Gosia", "Katarzyna": "Kasia", "Maximilian": "Max",
             "Wojciech": "Wojtek", "Agnieszka": "Aga", "Lucía": "Lu", "Águeda": "Agui"}
