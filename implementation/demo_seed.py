"""Demo plan (called by demo/loader.py): Frederikssund's seven focus areas (seed 001, "Indsats 1-7", titles in
our own short words) with initiatives in every status, its leader and employee networks with a meeting each,
and a Housing First Landkort of about ten actors around the citizen; Fredericia's development goal 1 and its
process plan's initiatives (seed 000), briefly. Through the services, so every status has its history."""

from datetime import date, timedelta

from accounts.access import Actor
from accounts.roles import Role
from steering import selectors as steering_selectors

from . import services
from .models import FocusArea, Initiative, MapActor, Network

FREDERIKSSUND = "0250"
FREDERICIA = "0607"

# Seed 001: the plan's seven "Indsatser".
FOCUS_AREAS_001 = [
    (
        1,
        "Arbejde efter Housing First-principperne",
        "Boligen er udgangspunktet, ikke målet; de otte principper gælder hele indsatsen.",
    ),
    (
        2,
        "Finde og hjælpe målgruppen",
        "Opsøgende arbejde og fokus på boligforhold ved enhver kontakt; mørketallet skal ned.",
    ),
    (
        3,
        "Flere billige boliger",
        "Boliger til højst 3.500 kr. om måneden; særaftaler om anvisning gennemgås.",
    ),
    (
        4,
        "Anvisning og samarbejde med boligorganisationerne",
        "Boligudvalgets kriterier nytænkes efter Housing First; udsættelser undgås.",
    ),
    (
        5,
        "Handleplaner og økonomisk støtte",
        "Handleplan til alle med komplekse problemer; hjælp til indskud og husleje.",
    ),
    (
        6,
        "Samarbejde internt og eksternt",
        "Misbrugsbehandling, psykiatri, politi og herberger arbejder efter samme principper.",
    ),
    (7, "Kompetenceudvikling", "Medarbejderne lærer metoderne CTI, ICM og ACT; behovet kortlægges."),
]

# (focus area, title, owner, start (days from today), deadline (days), principles, status path, notes)
INITIATIVES_001 = [
    (
        1,
        "Fælles introduktion til de otte principper",
        "Socialchefen",
        -400,
        -200,
        [1, 2, 6],
        [("in_progress", ""), ("done", "Alle teams har haft introduktionen.")],
    ),
    (
        2,
        "Opsøgende team med fast gang på herbergerne",
        "Rådgivningshuset",
        -300,
        60,
        [3, 5],
        [("in_progress", "Besøg hver uge siden foråret.")],
    ),
    (
        2,
        "Spørg til boligforhold ved enhver henvendelse",
        "Borgerservice",
        -120,
        -10,
        [1],
        [("in_progress", ""), ("delayed", "Afventer nyt skema i sagssystemet.")],
    ),
    (3, "Analyse af ledige billige boliger pr. år", "Boliganalytikeren", -90, 90, [1, 4], []),
    (
        3,
        "Ansøgning til puljen til huslejetilskud",
        "Socialchefen",
        -200,
        -150,
        [1],
        [("in_progress", ""), ("done", "Ansøgningen er sendt med kommunens plan.")],
    ),
    (
        4,
        "Ny samarbejdsaftale om anvisningsret",
        "Direktøren for social og sundhed",
        -250,
        -20,
        [1, 4],
        [("in_progress", "Første møde med Frederikssund Andelsboligforening.")],
    ),
    (4, "Boligudvalgets kriterier efter Housing First", "Boligudvalget", 30, 210, [1, 6], []),
    (
        5,
        "Hjælp til indskud og husleje ved indflytning",
        "Ydelseskontoret",
        -60,
        120,
        [1, 5],
        [("in_progress", "")],
    ),
    (
        6,
        "Dialogmøder med psykiatrien og misbrugsbehandlingen",
        "Ledernetværket",
        -180,
        45,
        [3, 5, 8],
        [("in_progress", "")],
    ),
    (
        6,
        "Fælles retningslinjer med herbergerne",
        "Ledernetværket",
        -300,
        -100,
        [2, 3],
        [("dropped", "Erstattet af dialogmøderne i ledernetværket.")],
    ),
    (
        7,
        "Kursus i CTI og ICM for bostøtterne",
        "Uddannelseskonsulenten",
        -30,
        150,
        [3, 6, 7],
        [("in_progress", "")],
    ),
    (7, "Kortlægning af kompetencebehov", "HR", 14, 120, [7], []),
]

# Seed 000: development goal 1 and its process plan, in the plan's words where short.
INITIATIVES_000 = [
    (
        "Fagprofessionelt ledernetværk",
        "Socialdirektøren",
        date(2022, 3, 1),
        None,
        "done",
        "Etableret marts 2022.",
    ),
    (
        "Samarbejdsaftale med boligorganisationerne",
        "Socialdirektøren",
        date(2022, 5, 1),
        None,
        "in_progress",
        "Aftalen skal udbygges med udsatte borgere og forebyggelse af udsættelser.",
    ),
    ("Socialboligformidler", "Visitation Voksen", date(2022, 7, 1), None, "done", "Ansat 1. juli 2022."),
    (
        "Housing First Landkort",
        "Socialboligformidleren",
        date(2022, 9, 1),
        None,
        "in_progress",
        "Udarbejdelsen er igangsat.",
    ),
    (
        "Ansøgning om tilskud til nedsættelse af husleje",
        "Visitation Voksen",
        None,
        date(2022, 9, 30),
        "done",
        "",
    ),
    (
        "Fagprofessionelt medarbejdernetværk",
        "Socialboligformidleren",
        None,
        date(2022, 11, 30),
        "in_progress",
        "",
    ),
    ("Samarbejde med private udlejere", "Visitation Voksen", date(2023, 1, 1), None, "not_started", ""),
    ("Nabofællesskab", "Visitation Voksen", date(2023, 1, 1), None, "not_started", ""),
    ("Fra bolig til hjem", "Bostøtten", date(2023, 1, 1), None, "not_started", ""),
]

LANDKORT_001 = [
    (
        "shelter",
        "Herberget",
        "Akut overnatning og ophold efter § 110.",
        "Når en borger ikke har et sted at sove i nat.",
        "47 00 10 10",
        "",
        "Havnevej 12, Frederikssund",
        "Døgnåbent",
        "Vagthavende",
    ),
    (
        "shelter",
        "Natvarmestuen",
        "Varme, mad og en seng for natten.",
        "Om aftenen og natten, uden visitation.",
        "47 00 10 20",
        "",
        "Jernbanegade 3, Frederikssund",
        "Kl. 20-08",
        "",
    ),
    (
        "housing",
        "Frederikssund Andelsboligforening",
        "Almene boliger; kommunen anviser efter aftalen.",
        "Ved anvisning af en bolig og ved risiko for udsættelse.",
        "47 00 20 10",
        "udlejning@boligdemo.dk",
        "",
        "Hverdage 9-14",
        "Udlejningschefen",
    ),
    (
        "housing",
        "Boligselskabet Fjorden",
        "Almene familieboliger og ungdomsboliger.",
        "Ved anvisning og samarbejde om social vicevært.",
        "47 00 20 20",
        "",
        "Fjordvej 8, Jægerspris",
        "Hverdage 9-13",
        "",
    ),
    (
        "job_centre",
        "Jobcentret",
        "Ydelser, uddannelse og beskæftigelse.",
        "Når borgeren skal have forsørgelse på plads før indflytning.",
        "47 00 30 10",
        "jobcenter@demo-kommune.dk",
        "Torvet 2, Frederikssund",
        "Hverdage 10-15",
        "Teamleder for udsatte ledige",
    ),
    (
        "addiction",
        "Rusmiddelcentret",
        "Rådgivning og behandling for alkohol og stoffer.",
        "Når borgeren ønsker behandling eller hjælp til at mindske skaderne.",
        "47 00 40 10",
        "",
        "Østergade 20, Frederikssund",
        "Hverdage 8-15, torsdag til 18",
        "Visitator",
    ),
    (
        "psychiatry",
        "Distriktspsykiatrien",
        "Udredning og behandling af psykisk sygdom.",
        "Ved psykisk sygdom; aftal fælles møde før udskrivning.",
        "47 00 50 10",
        "",
        "Sygehusvej 5, Frederikssund",
        "Hverdage 8-15",
        "Socialrådgiveren i teamet",
    ),
    (
        "police",
        "Nordsjællands Politi, lokalpolitiet",
        "Tryghed, nabokonflikter og samarbejde om udsatte.",
        "Ved nabokonflikter og når en borger er i fare.",
        "114",
        "",
        "",
        "Døgnet rundt på 114; akut 112",
        "",
    ),
    (
        "prison",
        "Kriminalforsorgen, afdelingen i Frederikssund",
        "Tilsyn og løsladelse fra fængsel.",
        "Senest en måned før løsladelse uden bolig.",
        "47 00 70 10",
        "",
        "",
        "Hverdage 9-15",
        "Tilsynsførende",
    ),
    (
        "ngo",
        "Kirkens Korshærs varmestue",
        "Et sted at være, mad og samtale.",
        "Når borgeren har brug for fællesskab i dagtimerne.",
        "47 00 80 10",
        "",
        "Kirkestræde 1, Frederikssund",
        "Hverdage 10-16",
        "",
    ),
]


def reset(municipalities) -> None:
    Initiative.objects.filter(municipality__in=municipalities).delete()  # with their status histories
    FocusArea.objects.filter(municipality__in=municipalities).delete()
    Network.objects.filter(municipality__in=municipalities).delete()  # with members and meetings
    MapActor.objects.filter(municipality__in=municipalities).delete()


def seed(*, municipality, staff, rng, today, areas) -> None:
    leader = staff.get(Role.LEADER)
    if leader is None:
        return
    actor = Actor(user=leader, municipality=municipality, role=Role.LEADER, path="/demo/")
    if municipality.code == FREDERIKSSUND:
        _frederikssund(actor, staff, today)
    elif municipality.code == FREDERICIA:
        _fredericia(actor, today)


def _frederikssund(actor, staff, today: date) -> None:
    by_number = {
        n: services.focus_area_save(
            actor=actor, number=n, title=title, description=text, source=f"Indsats {n}"
        )
        for n, title, text in FOCUS_AREAS_001
    }
    goals = {g.measure: g for g in steering_selectors.goals(actor)}
    linked = {
        "Opsøgende team med fast gang på herbergerne": "shelter",
        "Ny samarbejdsaftale om anvisningsret": "days_to_housing",
    }
    for number, title, owner, start, deadline, principles, path in INITIATIVES_001:
        goal = goals.get(linked.get(title, ""))
        item = services.initiative_save(
            actor=actor,
            focus_area=by_number[number],
            title=title,
            owner=owner,
            start=today + timedelta(days=start),
            deadline=today + timedelta(days=deadline),
            principles=principles,
            goals=[goal] if goal else [],
            today=today,
        )
        for status, note in path:
            services.initiative_status_change(actor=actor, initiative=item, status=status, note=note)

    leaders = services.network_save(
        actor=actor,
        kind="leaders",
        name="Ledernetværket for hjemløseindsatsen",
        purpose="Strategisk samarbejde om de mest udsatte borgere; en paraply, der handler hurtigt på tværs efter Housing First.",
    )
    for name, organisation, role in [
        ("Lone Leder", "Socialafdelingen", "Formand"),
        ("Per Pedersen", "Rusmiddelcentret", ""),
        ("Hanne Holm", "Distriktspsykiatrien", ""),
        ("Jens Juul", "Jobcentret", ""),
    ]:
        services.member_add(actor=actor, network=leaders, name=name, organisation=organisation, role=role)
    services.meeting_save(
        actor=actor,
        network=leaders,
        held_on=today - timedelta(days=21),
        today=today,
        agenda="1. Status på samarbejdsaftalen\n2. Dialogmøder med psykiatrien",
        minutes="Aftalen drøftes med boligorganisationen i næste måned. Psykiatrien deltager fast fra næste møde.",
    )
    employees = services.network_save(
        actor=actor,
        kind="employees",
        name="Medarbejdernetværket",
        purpose="Hurtig og koordineret indsats om den enkelte borger på tværs af afdelinger.",
    )
    broker = staff.get(Role.HOUSING_BROKER)
    services.member_add(
        actor=actor,
        network=employees,
        name=(broker.get_full_name() if broker else "") or "Socialboligformidleren",
        organisation="Socialafdelingen",
        role="Tovholder",
        user=broker,
    )
    for name, organisation in [("Bente Bostøtte", "Bostøtten"), ("Ole Opsøgende", "Rådgivningshuset")]:
        services.member_add(actor=actor, network=employees, name=name, organisation=organisation)
    services.meeting_save(
        actor=actor,
        network=employees,
        held_on=today + timedelta(days=9),
        today=today,
        agenda="1. Nye boliger fra boligorganisationerne\n2. Overgange fra herberget",
    )
    for kind, name, does, when, phone, email, address, hours, contact in LANDKORT_001:
        services.map_actor_save(
            actor=actor,
            kind=kind,
            name=name,
            does=does,
            when=when,
            phone=phone,
            email=email,
            address=address,
            hours=hours,
            contact_person=contact,
        )


def _fredericia(actor, today: date) -> None:
    area = services.focus_area_save(
        actor=actor,
        number=1,
        title="Færre borgere bor på forsorgshjem",
        description="Færre hjemløse, mere sammenhængende og fleksible indsatser, og fra akuttilbud til holdbare løsninger.",
        source="Udviklingsmål 1",
    )
    for title, owner, start, deadline, status, note in INITIATIVES_000:
        item = services.initiative_save(
            actor=actor,
            focus_area=area,
            title=title,
            owner=owner,
            start=start,
            deadline=deadline,
            today=today,
        )
        if status == "done" and not note:
            services.initiative_status_change(actor=actor, initiative=item, status="in_progress")
        if status != "not_started":
            services.initiative_status_change(actor=actor, initiative=item, status=status, note=note)
