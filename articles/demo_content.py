"""Facts-based demo publication, written in our own words (see shared/demo-stories.md)."""

CATEGORIES = [
    {
        "name": "Health",
        "slug": "health",
        "emoji": "🏥",
        "colour": "#0f766e",
        "description": (
            "Medical research and public health, reported with the evidence stage stated plainly."
        ),
        "position": 1,
    },
    {
        "name": "Nature",
        "slug": "nature",
        "emoji": "🌿",
        "colour": "#15803d",
        "description": "Wildlife, habitats and the species making a comeback, and why.",
        "position": 2,
    },
    {
        "name": "Science",
        "slug": "science",
        "emoji": "🔬",
        "colour": "#4338ca",
        "description": "Discoveries from the lab, the telescope and the computer, explained.",
        "position": 3,
    },
    {
        "name": "Planet",
        "slug": "planet",
        "emoji": "🌍",
        "colour": "#1d4ed8",
        "description": "Climate, energy and pollution: where the numbers are moving the right way.",
        "position": 4,
    },
]

AUTHORS = [
    {
        "name": "Maren Ellory",
        "slug": "maren-ellory",
        "credentials": "M.D.",
        "bio": (
            "Medical editor who reviews every health story before it is published. A "
            "fictional demo persona."
        ),
    },
    {
        "name": "Tobias Quenell",
        "slug": "tobias-quenell",
        "credentials": "",
        "bio": (
            "Health correspondent covering clinical trials, vaccines and public health "
            "data. A fictional demo persona."
        ),
    },
    {
        "name": "Priya Vantaraman",
        "slug": "priya-vantaraman",
        "credentials": "PhD",
        "bio": (
            "Science editor with a background in cell biology; writes about genomics, "
            "physics and space. A fictional demo persona."
        ),
    },
    {
        "name": "Owen Halloway",
        "slug": "owen-halloway",
        "credentials": "",
        "bio": (
            "Nature correspondent who follows wildlife recoveries from river banks to "
            "survey reports. A fictional demo persona."
        ),
    },
    {
        "name": "Ines Marwood",
        "slug": "ines-marwood",
        "credentials": "",
        "bio": (
            "Climate and energy reporter tracking emissions, ice and the power grid. A "
            "fictional demo persona."
        ),
    },
]

SOURCES = [
    {
        "name": "Albert Einstein College of Medicine",
        "slug": "albert-einstein-college-of-medicine",
        "kind": "institution",
        "url": "https://einsteinmed.edu",
    },
    {
        "name": "EurekAlert!",
        "slug": "eurekalert",
        "kind": "news_wire",
        "url": "https://www.eurekalert.org",
    },
    {
        "name": "Science Advances",
        "slug": "science-advances",
        "kind": "journal",
        "url": "https://www.science.org/journal/sciadv",
    },
    {
        "name": "Harris Goldstein, M.D.",
        "slug": "harris-goldstein",
        "kind": "researcher",
        "url": "",
    },
    {
        "name": "Einstein-Rockefeller-CUNY-Mount Sinai Center for AIDS Research",
        "slug": "einstein-rockefeller-cuny-mount-sinai-cfar",
        "kind": "institution",
        "url": "",
    },
    {
        "name": "Moderna",
        "slug": "moderna",
        "kind": "company",
        "url": "https://www.modernatx.com",
    },
    {
        "name": "Merck",
        "slug": "merck",
        "kind": "company",
        "url": "https://www.merck.com",
    },
    {
        "name": "NEJM Evidence",
        "slug": "nejm-evidence",
        "kind": "journal",
        "url": "https://evidence.nejm.org",
    },
    {
        "name": "Children's Hospital of Philadelphia",
        "slug": "childrens-hospital-of-philadelphia",
        "kind": "institution",
        "url": "https://www.chop.edu",
    },
    {
        "name": "Penn Medicine",
        "slug": "penn-medicine",
        "kind": "institution",
        "url": "https://www.pennmedicine.org",
    },
    {
        "name": "The New England Journal of Medicine",
        "slug": "nejm",
        "kind": "journal",
        "url": "https://www.nejm.org",
    },
    {
        "name": "National Institutes of Health",
        "slug": "nih",
        "kind": "government",
        "url": "https://www.nih.gov",
    },
    {
        "name": "U.S. Fish and Wildlife Service",
        "slug": "us-fish-and-wildlife-service",
        "kind": "government",
        "url": "https://www.fws.gov",
    },
    {
        "name": "National Wild Turkey Federation",
        "slug": "national-wild-turkey-federation",
        "kind": "other",
        "url": "https://www.nwtf.org",
    },
    {
        "name": "The Rockefeller University",
        "slug": "rockefeller-university",
        "kind": "institution",
        "url": "https://www.rockefeller.edu",
    },
    {
        "name": "Science",
        "slug": "science",
        "kind": "journal",
        "url": "https://www.science.org/journal/science",
    },
    {
        "name": "Junyue Cao",
        "slug": "junyue-cao",
        "kind": "researcher",
        "url": "",
    },
    {
        "name": "University of Bergen",
        "slug": "university-of-bergen",
        "kind": "institution",
        "url": "https://www.uib.no/en",
    },
    {
        "name": "Bjerknes Centre for Climate Research",
        "slug": "bjerknes-centre",
        "kind": "institution",
        "url": "",
    },
    {
        "name": "The Cryosphere",
        "slug": "the-cryosphere",
        "kind": "journal",
        "url": "https://www.the-cryosphere.net",
    },
    {
        "name": "Robert Law",
        "slug": "robert-law",
        "kind": "researcher",
        "url": "",
    },
    {
        "name": "Andreas Born",
        "slug": "andreas-born",
        "kind": "researcher",
        "url": "",
    },
    {
        "name": "World Health Organization",
        "slug": "who",
        "kind": "institution",
        "url": "https://www.who.int",
    },
    {
        "name": "University of Oxford",
        "slug": "university-of-oxford",
        "kind": "institution",
        "url": "https://www.ox.ac.uk",
    },
    {
        "name": "Serum Institute of India",
        "slug": "serum-institute-of-india",
        "kind": "company",
        "url": "https://www.seruminstitute.com",
    },
    {
        "name": "Gavi, the Vaccine Alliance",
        "slug": "gavi",
        "kind": "institution",
        "url": "https://www.gavi.org",
    },
    {
        "name": "UN Inter-agency Group for Child Mortality Estimation",
        "slug": "un-igme",
        "kind": "other",
        "url": "https://childmortality.org",
    },
    {
        "name": "UNICEF",
        "slug": "unicef",
        "kind": "institution",
        "url": "https://www.unicef.org",
    },
    {
        "name": "World Bank",
        "slug": "world-bank",
        "kind": "institution",
        "url": "https://www.worldbank.org",
    },
    {
        "name": "Royal Society Open Science",
        "slug": "royal-society-open-science",
        "kind": "journal",
        "url": "https://royalsocietypublishing.org/journal/rsos",
    },
    {
        "name": "International Whaling Commission",
        "slug": "international-whaling-commission",
        "kind": "institution",
        "url": "https://iwc.int",
    },
    {
        "name": "NOAA",
        "slug": "noaa",
        "kind": "government",
        "url": "https://www.noaa.gov",
    },
    {
        "name": "IUCN",
        "slug": "iucn",
        "kind": "institution",
        "url": "https://www.iucn.org",
    },
    {
        "name": "Natural England",
        "slug": "natural-england",
        "kind": "government",
        "url": "https://www.gov.uk/government/organisations/natural-england",
    },
    {
        "name": "National Trust",
        "slug": "national-trust",
        "kind": "other",
        "url": "https://www.nationaltrust.org.uk",
    },
    {
        "name": "Devon Wildlife Trust",
        "slug": "devon-wildlife-trust",
        "kind": "other",
        "url": "https://www.devonwildlifetrust.org",
    },
    {
        "name": "NatureScot",
        "slug": "naturescot",
        "kind": "government",
        "url": "https://www.nature.scot",
    },
    {
        "name": "Environment Agency",
        "slug": "environment-agency",
        "kind": "government",
        "url": "https://www.gov.uk/government/organisations/environment-agency",
    },
    {
        "name": "The Wildlife Trusts",
        "slug": "the-wildlife-trusts",
        "kind": "other",
        "url": "https://www.wildlifetrusts.org",
    },
    {
        "name": "U.S. Environmental Protection Agency",
        "slug": "us-epa",
        "kind": "government",
        "url": "https://www.epa.gov",
    },
    {
        "name": "European Commission",
        "slug": "european-commission",
        "kind": "government",
        "url": "https://commission.europa.eu",
    },
    {
        "name": "NASA",
        "slug": "nasa",
        "kind": "government",
        "url": "https://www.nasa.gov",
    },
    {
        "name": "European Space Agency",
        "slug": "esa",
        "kind": "institution",
        "url": "https://www.esa.int",
    },
    {
        "name": "Canadian Space Agency",
        "slug": "canadian-space-agency",
        "kind": "government",
        "url": "https://www.asc-csa.gc.ca",
    },
    {
        "name": "Space Telescope Science Institute",
        "slug": "stsci",
        "kind": "institution",
        "url": "https://www.stsci.edu",
    },
    {
        "name": "The Nobel Prize",
        "slug": "nobel-prize",
        "kind": "other",
        "url": "https://www.nobelprize.org",
    },
    {
        "name": "Google DeepMind",
        "slug": "google-deepmind",
        "kind": "company",
        "url": "https://deepmind.google",
    },
    {
        "name": "EMBL-EBI",
        "slug": "embl-ebi",
        "kind": "institution",
        "url": "https://www.ebi.ac.uk",
    },
    {
        "name": "Nature",
        "slug": "nature-journal",
        "kind": "journal",
        "url": "https://www.nature.com",
    },
    {
        "name": "University of Washington",
        "slug": "university-of-washington",
        "kind": "institution",
        "url": "https://www.washington.edu",
    },
    {
        "name": "Human Pangenome Reference Consortium",
        "slug": "human-pangenome-reference-consortium",
        "kind": "other",
        "url": "https://humanpangenome.org",
    },
    {
        "name": "National Human Genome Research Institute",
        "slug": "nhgri",
        "kind": "government",
        "url": "https://www.genome.gov",
    },
    {
        "name": "Lawrence Livermore National Laboratory",
        "slug": "lawrence-livermore-national-laboratory",
        "kind": "institution",
        "url": "https://www.llnl.gov",
    },
    {
        "name": "U.S. Department of Energy",
        "slug": "us-department-of-energy",
        "kind": "government",
        "url": "https://www.energy.gov",
    },
    {
        "name": "Johns Hopkins Applied Physics Laboratory",
        "slug": "johns-hopkins-apl",
        "kind": "institution",
        "url": "https://www.jhuapl.edu",
    },
    {
        "name": "Italian Space Agency",
        "slug": "italian-space-agency",
        "kind": "government",
        "url": "https://www.asi.it",
    },
    {
        "name": "World Meteorological Organization",
        "slug": "wmo",
        "kind": "institution",
        "url": "https://wmo.int",
    },
    {
        "name": "UN Environment Programme",
        "slug": "unep",
        "kind": "institution",
        "url": "https://www.unep.org",
    },
    {
        "name": "International Energy Agency",
        "slug": "iea",
        "kind": "institution",
        "url": "https://www.iea.org",
    },
    {
        "name": "International Renewable Energy Agency",
        "slug": "irena",
        "kind": "institution",
        "url": "https://www.irena.org",
    },
    {
        "name": "INPE (Brazil's National Institute for Space Research)",
        "slug": "inpe",
        "kind": "government",
        "url": "https://www.gov.br/inpe",
    },
    {
        "name": "Department for Energy Security and Net Zero",
        "slug": "desnz",
        "kind": "government",
        "url": (
            "https://www.gov.uk/government/organisations/department-for-energy-security-and-net-zero"
        ),
    },
    {
        "name": "Uniper",
        "slug": "uniper",
        "kind": "company",
        "url": "https://www.uniper.energy",
    },
    {
        "name": "Zoological Society of London",
        "slug": "zsl",
        "kind": "institution",
        "url": "https://www.zsl.org",
    },
    {
        "name": "Natural History Museum",
        "slug": "natural-history-museum",
        "kind": "institution",
        "url": "https://www.nhm.ac.uk",
    },
]

SERIES = [
    {
        "name": "Cancer immunotherapy: following the trials",
        "slug": "cancer-immunotherapy-following-the-trials",
        "description": (
            "Engineered cells and personalised vaccines, followed from the lab bench "
            "through each stage of testing."
        ),
    },
    {
        "name": "Comebacks: species on the rebound",
        "slug": "comebacks-species-on-the-rebound",
        "description": (
            "Animals that were pushed to the edge and recovered, and what made the difference."
        ),
    },
]

STORIES = [
    {
        "slug": "memory-like-car-t-cells-last-longer-in-mice",
        "title": "Memory-like CAR-T cells outlast standard ones in mice, hinting at fewer relapses",
        "standfirst": (
            "Einstein researchers changed how CAR-T cells are made so they behave like "
            "long-lived memory cells. In mice they held blood cancers and HIV in check "
            "for longer; no human trials yet."
        ),
        "category": "health",
        "published": "2026-03-13 09:00",
        "evidence_stage": "animal_study",
        "tags": ["car-t", "cancer", "immunotherapy", "hiv", "leukaemia", "lymphoma"],
        "authors": ["tobias-quenell"],
        "featured": True,
        "reviewed_by": "maren-ellory",
        "series": "cancer-immunotherapy-following-the-trials",
        "image_alt": (
            "Abstract teal illustration of rounded immune cells linked by soft glowing threads"
        ),
        "image_caption": "Engineered T cells that persist could mean fewer relapses.",
        "body": (
            "<p>CAR-T therapy has given some people with leukaemia and lymphoma "
            "something they had run out of: a lasting remission. Doctors collect a "
            "patient's own T cells, add genes that let those cells recognise a marker "
            "on cancer cells, and infuse them back. The weak point is stamina. Over "
            "the months after treatment the engineered cells tend to lose their "
            "killing power, and for many patients the cancer eventually returns.</p>"
            "<p>A team at Albert Einstein College of Medicine in New York now reports "
            "a way to build CAR-T cells that stay active for longer. The work was led "
            "by Harris Goldstein, M.D., director of the "
            "Einstein-Rockefeller-CUNY-Mount Sinai Center for AIDS Research, and "
            "appeared in the peer-reviewed journal <em>Science Advances</em> on 13 "
            "March 2026. It has so far been tested only in mice.</p>"
            "<h2>Sprinters and stayers</h2>"
            "<p>T cells sit along a spectrum. At one end are effector cells: quick, "
            "forceful killers that burn out fast. At the other are memory cells, which "
            "renew themselves and can survive in the body for years. The standard way "
            "of manufacturing CAR-T products pushes cells toward the effector end, "
            "which helps them strike hard early but may explain why they fade.</p>"
            "<p>Goldstein's group altered the manufacturing process so that the "
            "finished cells resemble memory cells instead: longer-lived, able to "
            "self-renew, and still present well after they have been infused.</p>"
            "<blockquote><p>As Goldstein describes the aim, the team wanted engineered "
            "cells that keep patrolling the body long after the first wave of killing, "
            "rather than cells that hit hard and then fade away.</p></blockquote>"
            "<h2>What the mouse experiments showed</h2>"
            "<ul>"
            "<li>🩸 In mouse models of blood cancer, the memory-like cells kept the "
            "disease under control for longer than conventionally made CAR-T "
            "cells.</li>"
            "<li>🧬 In mice infected with HIV, the same approach suppressed the virus "
            "more durably.</li>"
            "<li>⏳ The cells persisted for longer after infusion, the property the "
            "new process was designed to improve.</li>"
            "<li>⚠️ No person has yet been treated with cells made this way.</li>"
            "</ul>"
            "<h2>Why staying power matters</h2>"
            "<p>CAR-T treatment costs hundreds of thousands of pounds per patient, and "
            "a relapse can mean further rounds of therapy and long stays in hospital. "
            "Cells that last could, in principle, mean fewer relapses and fewer repeat "
            "treatments. For now that is a hope rather than a finding: results in mice "
            "often fail to carry over to people, and the safety of engineered cells "
            "that linger in the body will need careful study in clinical trials.</p>"
            "<p>The HIV result is an early signal too. Researchers have long explored "
            "CAR-T cells as a way to keep the virus suppressed without daily "
            "medication, and poor persistence has been one of the main obstacles.</p>"
        ),
        "citations": [
            {
                "source": "science-advances",
                "note": "Science Advances, 13 March 2026 (peer-reviewed)",
                "url": "",
                "doi": "",
            },
            {
                "source": "albert-einstein-college-of-medicine",
                "note": "Institutional announcement, March 2026",
                "url": "",
                "doi": "",
            },
            {
                "source": "eurekalert",
                "note": "News release distributed via EurekAlert!, March 2026",
                "url": "",
                "doi": "",
            },
            {
                "source": "harris-goldstein",
                "note": "Lead researcher",
                "url": "",
                "doi": "",
            },
            {
                "source": "einstein-rockefeller-cuny-mount-sinai-cfar",
                "note": "Goldstein's research centre",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "personalised-mrna-melanoma-vaccine-five-year-results",
        "title": (
            "Personalised melanoma vaccine holds its benefit after five years in mid-stage trial"
        ),
        "standfirst": (
            "Five-year follow-up of a Phase 2b trial suggests a vaccine built from "
            "each patient's tumour, added to pembrolizumab, lowers the risk of "
            "melanoma returning. A larger Phase 3 trial is the real test."
        ),
        "category": "health",
        "published": "2026-01-21 10:00",
        "evidence_stage": "phase_2",
        "tags": ["mrna", "cancer-vaccine", "melanoma", "immunotherapy"],
        "authors": ["tobias-quenell"],
        "featured": False,
        "reviewed_by": "maren-ellory",
        "series": "cancer-immunotherapy-following-the-trials",
        "image_alt": (
            "Abstract teal artwork of ribbon-like strands curling around a bright central disc"
        ),
        "image_caption": "Each dose is made to match the mutations in one patient's tumour.",
        "body": (
            "<p>Most vaccines are made once and given to millions. The experimental "
            "melanoma treatment known as mRNA-4157, or V940 (its generic name is "
            "intismeran autogene), is made one patient at a time. Its developers, "
            "Moderna and Merck, sequence a sample of the person's tumour, pick out "
            "mutations that mark the cancer as foreign, and encode up to 34 of those "
            "targets in a single mRNA vaccine.</p>"
            "<p>The vaccine is given together with pembrolizumab (Keytruda), an "
            "established immunotherapy that releases a brake on the immune system, to "
            "people whose high-risk stage III or IV melanoma has been removed by "
            "surgery. The aim is to stop the disease from coming back.</p>"
            "<h2>What the five-year numbers show</h2>"
            "<p>The Phase 2b trial, called KEYNOTE-942, randomly assigned 157 patients "
            "to the combination or to pembrolizumab alone. In January 2026 the "
            "companies reported that, after a median of about five years of follow-up, "
            "the combination had cut the risk of recurrence or death by roughly half "
            "compared with pembrolizumab on its own. That is close to the effect seen "
            "at the three-year mark, which suggests the benefit is holding rather than "
            "fading.</p>"
            "<ul>"
            "<li>✅ Lower risk of the melanoma returning, or of death, than with "
            "pembrolizumab alone.</li>"
            "<li>✅ The size of the benefit was similar at three and five years.</li>"
            "<li>🔬 A Phase 3 trial in the same setting, with many more patients, is "
            "under way.</li>"
            "<li>⚠️ The five-year figures come from a company announcement; fuller data "
            "are due at a medical meeting.</li>"
            "</ul>"
            "<h2>Reasons for caution</h2>"
            "<p>KEYNOTE-942 is a mid-stage trial and a fairly small one, and it was "
            "run by the companies that stand to profit from the product. Results from "
            "trials of this size sometimes shrink when they are repeated in larger "
            "groups. Regulators will want to see the Phase 3 data before any approval, "
            "and questions about cost and how quickly each personalised batch can be "
            "made remain open.</p>"
            "<p>Even so, durable benefit in a randomised comparison is what the field "
            "has been waiting for. Moderna and Merck are also testing the approach in "
            "other cancers, including lung, bladder and kidney cancer, in separate "
            "trials.</p>"
        ),
        "citations": [
            {
                "source": "moderna",
                "note": "Joint company announcement of five-year KEYNOTE-942 data, January 2026",
                "url": "",
                "doi": "",
            },
            {
                "source": "merck",
                "note": "Joint company announcement, January 2026",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "rsv-antibody-nirsevimab-cut-infant-hospital-stays-in-france",
        "title": (
            "One-dose RSV antibody cut hospital stays for babies in France, national data show"
        ),
        "standfirst": (
            "A study of 82,474 infants found that babies given nirsevimab were far "
            "less likely to be admitted to hospital with RSV during France's first "
            "season using it."
        ),
        "category": "health",
        "published": "2025-02-14 08:30",
        "evidence_stage": "real_world",
        "tags": ["rsv", "infants", "vaccines", "paediatrics"],
        "authors": ["tobias-quenell"],
        "featured": False,
        "reviewed_by": "maren-ellory",
        "image_alt": "Abstract teal gradient with a small sheltering arc over a soft round shape",
        "image_caption": "RSV is a leading cause of hospital admission in young babies.",
        "body": (
            "<p>Respiratory syncytial virus, or RSV, gives most adults little more "
            "than a cold. In babies it can inflame the smallest airways of the lungs, "
            "a condition known as bronchiolitis, and every winter it fills children's "
            "wards. In France, bronchiolitis, most of it caused by RSV, is the leading "
            "reason young children are admitted to hospital.</p>"
            "<p>In September 2023 France became one of the first countries to offer "
            "nirsevimab to newborns and young infants nationwide. Nirsevimab is not "
            "strictly a vaccine. It is a long-acting antibody, given as a single "
            "injection, that hands the baby ready-made protection lasting through one "
            "RSV season rather than training the immune system to make its own.</p>"
            "<h2>What the national data showed</h2>"
            "<p>A study published in <em>NEJM Evidence</em> in February 2025 used "
            "France's national health data system to follow 82,474 infants through "
            "that first winter. Half had received nirsevimab; each was matched with an "
            "unimmunised baby of the same sex, birth month, gestational age and "
            "area.</p>"
            "<ul>"
            "<li>✅ About 0.8% of the immunised babies were admitted to hospital with "
            "an RSV chest infection, against about 2.4% of the matched babies who were "
            "not.</li>"
            "<li>✅ That works out at roughly two-thirds fewer RSV hospital "
            "admissions.</li>"
            "<li>✅ Protection was similar for the most serious cases, including "
            "admission to paediatric intensive care.</li>"
            "</ul>"
            "<h2>How much weight to put on it</h2>"
            "<p>This is real-world evidence, not a randomised trial. Matching reduces "
            "the differences between the two groups but cannot remove them all: "
            "families who take up a new preventive treatment may differ in ways the "
            "records do not capture. The results do, however, line up with the earlier "
            "clinical trials and with other French studies from the same season, which "
            "also found substantial reductions in severe illness.</p>"
            "<p>For health services planning the next RSV season, the study adds "
            "weight to the idea that a single dose given at or soon after birth can "
            "take real pressure off children's wards.</p>"
        ),
        "citations": [
            {
                "source": "nejm-evidence",
                "note": "NEJM Evidence, February 2025 (peer-reviewed)",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [
            {
                "date": "2025-02-15",
                "text": (
                    "An earlier version of this story described nirsevimab as a "
                    "vaccine in the standfirst. It is a long-acting monoclonal "
                    "antibody that gives passive protection."
                ),
            },
        ],
    },
    {
        "slug": "custom-base-editing-therapy-for-one-baby-cps1",
        "title": "A gene-editing treatment designed for one baby's mutation, made in six months",
        "standfirst": (
            "Doctors in Philadelphia built a base-editing therapy for a single infant "
            "with a rare metabolic disease. Early signs are encouraging, but it is one "
            "child and follow-up is short."
        ),
        "category": "health",
        "published": "2025-05-16 09:00",
        "evidence_stage": "single_patient",
        "tags": ["gene-editing", "crispr", "rare-disease", "paediatrics"],
        "authors": ["tobias-quenell", "maren-ellory"],
        "featured": False,
        "reviewed_by": "maren-ellory",
        "image_alt": (
            "Abstract teal illustration of a twisting ladder with one rung highlighted in gold"
        ),
        "image_caption": "Base editing changes a single letter of DNA.",
        "body": (
            "<p>Babies born with severe CPS1 deficiency lack a liver enzyme needed to "
            "turn ammonia, a waste product of breaking down protein, into something "
            "the body can safely get rid of. Ammonia builds up in the blood and can "
            "damage the brain. The condition is extremely rare, and about half of "
            "babies with the most severe form do not survive early infancy. The usual "
            "options are a strict low-protein diet, medicines that help clear "
            "nitrogen, and eventually a liver transplant.</p>"
            "<p>In May 2025 doctors at Children's Hospital of Philadelphia and Penn "
            "Medicine reported in <em>The New England Journal of Medicine</em> that "
            "they had treated one such infant with a gene-editing therapy designed "
            "around his own mutation.</p>"
            "<h2>A therapy for an audience of one</h2>"
            "<p>The team, led by Rebecca Ahrens-Nicklas at CHOP and Kiran Musunuru at "
            "Penn, used base editing, a form of CRISPR technology that swaps a single "
            "letter of DNA instead of cutting through both strands. The editing "
            "instructions were packed into lipid nanoparticles that travel mainly to "
            "the liver. From diagnosis to the first dose took about six months, a "
            "fraction of the usual timeline for a new drug. The work drew on research "
            "funded by the US National Institutes of Health.</p>"
            "<ul>"
            "<li>✅ After several doses, the boy could tolerate more protein in his "
            "diet.</li>"
            "<li>✅ He needed less of the medicine used to control ammonia.</li>"
            "<li>✅ No serious side effects from the treatment had been reported at "
            "the time of publication.</li>"
            "<li>⚠️ It is one patient, followed for a few months; how complete and "
            "lasting the benefit will be is not yet known.</li>"
            "</ul>"
            "<h2>What it could mean</h2>"
            "<p>The doctors have been careful not to call it a cure. The bigger "
            "significance may be the route they took: much of the editing machinery "
            "can be reused, so only the part that targets a given mutation needs to "
            "change. If regulators and researchers can agree a safe, faster path for "
            "such bespoke treatments, families affected by other ultra-rare genetic "
            "diseases could one day benefit.</p>"
            "<p>Many practical questions remain, including cost, manufacturing, and "
            "how to judge safety when a medicine is made for a single person.</p>"
        ),
        "citations": [
            {
                "source": "nejm",
                "note": "The New England Journal of Medicine, 15 May 2025 (peer-reviewed)",
                "url": "",
                "doi": "10.1056/NEJMoa2504747",
            },
            {
                "source": "childrens-hospital-of-philadelphia",
                "note": "Treating hospital",
                "url": "",
                "doi": "",
            },
            {
                "source": "penn-medicine",
                "note": "Research partner",
                "url": "",
                "doi": "",
            },
            {
                "source": "nih",
                "note": "Research funder",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "wild-turkey-comeback-united-states",
        "title": "From 30,000 birds to about 6 million: how America's wild turkeys came back",
        "standfirst": (
            "By the 1930s wild turkeys had vanished from 18 US states. Wildlife "
            "agencies, paid for largely by hunters, rebuilt the population into one of "
            "conservation's biggest success stories."
        ),
        "category": "nature",
        "published": "2025-11-24 08:00",
        "evidence_stage": "population_survey",
        "tags": ["conservation", "wildlife", "birds", "usa"],
        "authors": ["owen-halloway"],
        "featured": False,
        "series": "comebacks-species-on-the-rebound",
        "image_alt": (
            "Abstract green and bronze fan of overlapping feather shapes on a woodland gradient"
        ),
        "image_caption": "Wild turkeys now roam woods and field edges across most of the US.",
        "body": (
            "<p>It is hard to picture now, with wild turkeys strutting across suburban "
            "lawns, but by the 1930s the bird was in serious trouble in the United "
            "States. Forests had been cleared for farms and timber, and hunting was "
            "largely unregulated. By some estimates as few as 30,000 wild turkeys were "
            "left, and the species had disappeared entirely from 18 states.</p>"
            "<h2>How the recovery worked</h2>"
            "<p>Early attempts to restock with farm-raised birds mostly failed; tame "
            "turkeys lacked the wariness to survive predators and winters. What worked "
            "was moving wild birds. State wildlife agencies trapped turkeys where they "
            "were still plentiful and released them in suitable habitat elsewhere, "
            "decade after decade. As abandoned farmland grew back into woodland, the "
            "released flocks had room to spread.</p>"
            "<p>Much of the money came from hunters. A 1937 federal law, the "
            "Pittman-Robertson Act, directed taxes on firearms and ammunition to state "
            "wildlife restoration, and groups such as the National Wild Turkey "
            "Federation later raised funds and volunteers for habitat work and "
            "trap-and-transfer programmes.</p>"
            "<ul>"
            "<li>🦃 The population grew from tens of thousands to about 6 million "
            "birds.</li>"
            "<li>🗺️ Wild turkeys are again found across almost the whole of the lower "
            "48 states.</li>"
            "<li>🌳 Returning forests gave the birds habitat to expand into.</li>"
            "<li>🤝 Agencies, landowners and hunters worked toward a shared goal.</li>"
            "</ul>"
            "<h2>Not a finished story</h2>"
            "<p>Recovery is not the same as permanent security. Several states, "
            "particularly in the south-east, have reported falling turkey numbers in "
            "recent years, and biologists are studying possible causes such as poor "
            "nesting success, habitat change, predators and disease. Hunting seasons "
            "have been adjusted in some places as a precaution.</p>"
            "<p>Even with those dips, the turkey shows what sustained, well-funded "
            "restoration can achieve: a bird once missing from much of its range is "
            "now a familiar sight again.</p>"
        ),
        "citations": [
            {
                "source": "us-fish-and-wildlife-service",
                "note": "Wildlife and Sport Fish Restoration Program",
                "url": "",
                "doi": "",
            },
            {
                "source": "national-wild-turkey-federation",
                "note": "Population history and restoration work",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "ageing-atlas-seven-million-cells-21-organs",
        "title": "A 7-million-cell atlas suggests organs in mice age in step, not one by one",
        "standfirst": (
            "Rockefeller University researchers profiled nearly 7 million cells from "
            "21 organs in young, middle-aged and old mice, and found many age-related "
            "changes happening together across the body."
        ),
        "category": "science",
        "published": "2026-02-27 09:00",
        "evidence_stage": "animal_study",
        "tags": ["ageing", "cell-atlas", "genomics"],
        "authors": ["priya-vantaraman"],
        "featured": False,
        "image_alt": (
            "Abstract indigo mosaic of thousands of tiny dots grouped into 21 soft clusters"
        ),
        "image_caption": "The atlas covers 21 organs at three stages of life.",
        "body": (
            "<p>Growing older raises the risk of cancer, heart disease, dementia and "
            "much else. Medicine usually tackles those conditions one at a time. A "
            "growing number of researchers want to understand ageing itself, in the "
            "hope that slowing it could lower the risk of several diseases at once. To "
            "do that, they first need a detailed picture of what actually changes in "
            "the body's cells over time.</p>"
            "<h2>A census of cells</h2>"
            "<p>A team at The Rockefeller University, in the laboratory of Junyue Cao, "
            "has produced one of the most detailed such pictures so far. Reported in "
            "<em>Science</em> in February 2026, the atlas covers nearly 7 million "
            "individual cells from 21 organs of mice at three ages, roughly equivalent "
            "to young adulthood, middle age and old age. Much of the work was carried "
            "out by a single graduate student, Ziyu Lu, who refined a method for "
            "reading which parts of each cell's DNA are open and active.</p>"
            "<blockquote><p>As Cao puts it, the team set out to learn why tissues "
            "change with age, not only what changes, so that future treatments might "
            "target the ageing process directly.</p></blockquote>"
            "<h2>What the atlas revealed</h2>"
            "<ul>"
            "<li>🧩 The team identified more than 1,800 cell subtypes, including rare "
            "ones not described before.</li>"
            "<li>📊 Around a quarter of cell types changed markedly in number with "
            "age, some expanding and others shrinking.</li>"
            "<li>🔗 Many of these shifts happened at the same time in different "
            "organs, hinting at shared signals across the body.</li>"
            "<li>⚖️ Close to half of the changes differed between male and female "
            "mice.</li>"
            "</ul>"
            "<h2>What it does not show</h2>"
            "<p>The atlas describes mice, not people, and captures three snapshots "
            "rather than following the same animals through life. It reveals patterns "
            "that go together, not proof of which change causes which. Its value is as "
            "a reference: other laboratories can now check whether a cell type they "
            "study is one that ages early, and test ideas about what drives those "
            "shifts.</p>"
            "<p>The finding that ageing looks coordinated across organs, rather than "
            "each tissue wearing out on its own timetable, is likely to shape the next "
            "round of experiments.</p>"
        ),
        "citations": [
            {
                "source": "science",
                "note": "Science, 26 February 2026 (peer-reviewed)",
                "url": "",
                "doi": "",
            },
            {
                "source": "rockefeller-university",
                "note": "Institutional announcement, February 2026",
                "url": "",
                "doi": "",
            },
            {
                "source": "junyue-cao",
                "note": "Head of the Laboratory of Single Cell Genomics and Population Dynamics",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "greenland-ice-sheet-convection-plumes",
        "title": (
            "Greenland's mystery ice plumes may come from slow 'boiling' deep inside the sheet"
        ),
        "standfirst": (
            "Plume-shaped structures buried in northern Greenland's ice puzzled "
            "scientists for over a decade. A modelling study says the ice may be "
            "slowly convecting, like water in a pot on the stove."
        ),
        "category": "planet",
        "published": "2026-02-20 11:00",
        "evidence_stage": "modelling",
        "tags": ["greenland", "ice-sheet", "sea-level", "climate"],
        "authors": ["ines-marwood"],
        "featured": False,
        "image_alt": (
            "Abstract blue and white layers with rounded columns rising from the bottom edge"
        ),
        "image_caption": "Radar reveals layers deep inside the ice sheet.",
        "body": (
            "<p>Ice-penetrating radar lets scientists see the layers inside an ice "
            "sheet, laid down by snowfall year after year like the pages of a book. In "
            "northern Greenland those layers are not always flat. Deep down, some of "
            "them bulge upward into large plume-like shapes, a feature first described "
            "in the mid-2010s that nobody could fully explain.</p>"
            "<h2>A pot on a low simmer</h2>"
            "<p>A team from the University of Bergen and the Bjerknes Centre for "
            "Climate Research in Norway, with colleagues elsewhere, tested an idea "
            "borrowed from the study of Earth's mantle. Heat seeping up from the "
            "bedrock warms the bottom of the ice. If that ice is soft enough, the "
            "warmer, lighter ice near the base can rise very slowly while colder ice "
            "sinks, the same circulation that moves water in a heated pot. The results "
            "were published in <em>The Cryosphere</em> in 2026.</p>"
            "<p>Using computer models of a slice of ice a few kilometres thick, the "
            "researchers found that this kind of thermal convection can produce plumes "
            "much like the ones seen on radar, under the right conditions.</p>"
            "<blockquote><p>Andreas Born, a co-author, has described the finding as "
            "counter-intuitive: we think of ice as solid, yet parts of Greenland's "
            "sheet appear to churn like a pot of pasta on the boil.</p></blockquote>"
            "<h2>Why it matters for sea level</h2>"
            "<ul>"
            "<li>🧊 The plumes can form only if the deep ice is softer than most "
            "models assume.</li>"
            "<li>📐 That points to a clearer picture of how the ice deforms and "
            "flows.</li>"
            "<li>🌊 Better physics in ice-sheet models could tighten projections of "
            "sea-level rise.</li>"
            "<li>⚠️ The study does not on its own mean Greenland will melt faster.</li>"
            "</ul>"
            "<p>Lead author Robert Law has pointed out that ice is far softer than the "
            "rock of the mantle, so the physics is less strange than it first sounds. "
            "The plumes are still an inference from models matched to radar images; "
            "drilling into them, or more detailed surveys, would be needed to confirm "
            "the explanation.</p>"
            "<p>Greenland's ice holds enough water to raise global sea level by around "
            "seven metres if it all melted, and the sheet is already losing mass as "
            "the Arctic warms. Small improvements in how models treat the ice could "
            "make a meaningful difference to forecasts that coastal planners rely "
            "on.</p>"
        ),
        "citations": [
            {
                "source": "the-cryosphere",
                "note": "The Cryosphere, 2026 (peer-reviewed)",
                "url": "",
                "doi": "10.5194/tc-20-1071-2026",
            },
            {
                "source": "university-of-bergen",
                "note": "Lead institution",
                "url": "",
                "doi": "",
            },
            {
                "source": "bjerknes-centre",
                "note": "Research partner",
                "url": "",
                "doi": "",
            },
            {
                "source": "robert-law",
                "note": "Lead author",
                "url": "",
                "doi": "",
            },
            {
                "source": "andreas-born",
                "note": "Co-author",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "r21-malaria-vaccine-enters-routine-childhood-immunisation",
        "title": "R21 malaria vaccine moves from trials into routine childhood jabs in Africa",
        "standfirst": (
            "Recommended by WHO in 2023 and first rolled out in Côte d'Ivoire in 2024, "
            "the low-cost R21 vaccine is now part of childhood immunisation in a "
            "growing number of African countries."
        ),
        "category": "health",
        "published": "2025-04-25 09:00",
        "evidence_stage": "phase_3",
        "tags": ["malaria", "vaccines", "global-health", "africa", "paediatrics"],
        "authors": ["tobias-quenell"],
        "featured": False,
        "image_alt": "Abstract teal and sand-coloured shapes arranged like a map with small dots",
        "image_caption": "Malaria still kills hundreds of thousands of young children a year.",
        "body": (
            "<p>Malaria remains one of the deadliest diseases for young children. The "
            "World Health Organization estimates it kills around 600,000 people a "
            "year, most of them children under five in Africa. For decades there was "
            "no vaccine at all; now there are two, and the second is being rolled out "
            "at scale.</p>"
            "<h2>From Oxford lab to clinic</h2>"
            "<p>The R21/Matrix-M vaccine was developed at the University of Oxford and "
            "is manufactured by the Serum Institute of India, with an immune-boosting "
            "ingredient supplied by Novavax. WHO recommended it for children in "
            "October 2023, two years after recommending the first malaria vaccine, "
            "RTS,S. In July 2024 Côte d'Ivoire became the first country to give R21 as "
            "part of routine childhood immunisation, with support from Gavi, the "
            "Vaccine Alliance.</p>"
            "<p>In the Phase 3 trial that underpinned the recommendation, children in "
            "areas where malaria is seasonal had around three-quarters fewer cases of "
            "clinical malaria over the first year after vaccination, with a booster "
            "helping to maintain protection.</p>"
            "<h2>Why the rollout matters</h2>"
            "<ul>"
            "<li>💉 A second vaccine eases the supply shortage that limited RTS,S.</li>"
            "<li>💰 R21 was priced at a few US dollars per dose, low enough for wide "
            "use.</li>"
            "<li>🏭 Its manufacturer has said it can scale up to 100 million doses a "
            "year.</li>"
            "<li>🌍 A growing number of African countries now include a malaria "
            "vaccine in their routine schedules.</li>"
            "</ul>"
            "<h2>Not a silver bullet</h2>"
            "<p>Neither vaccine gives complete protection, and both need several "
            "doses, which is hard to deliver in places with weak health systems. WHO "
            "stresses that vaccines work alongside bed nets, indoor spraying, "
            "preventive medicines and prompt treatment rather than replacing them. "
            "Drug and insecticide resistance, and cuts to international health "
            "funding, are real threats to progress.</p>"
            "<p>Still, a cheap, mass-produced vaccine moving from trial to routine "
            "clinic visits is a milestone that malaria researchers spent decades "
            "working toward.</p>"
        ),
        "citations": [
            {
                "source": "who",
                "note": "WHO recommendation of R21/Matrix-M, October 2023",
                "url": "",
                "doi": "",
            },
            {
                "source": "university-of-oxford",
                "note": "Vaccine developer",
                "url": "",
                "doi": "",
            },
            {
                "source": "serum-institute-of-india",
                "note": "Vaccine manufacturer",
                "url": "",
                "doi": "",
            },
            {
                "source": "gavi",
                "note": "Supports vaccine introduction in eligible countries",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "child-deaths-under-five-reach-record-low",
        "title": "Fewer children are dying before age five than ever recorded, UN estimates show",
        "standfirst": (
            "Deaths of children under five have more than halved since 2000 and fell "
            "to about 4.8 million in 2023. The same report warns that progress has "
            "slowed and funding cuts put it at risk."
        ),
        "category": "health",
        "published": "2025-03-26 09:00",
        "evidence_stage": "population_survey",
        "tags": ["child-health", "global-health", "vaccines", "infants", "africa"],
        "authors": ["tobias-quenell"],
        "featured": False,
        "image_alt": "Abstract teal line chart falling gently from left to right over soft hills",
        "image_caption": "Child deaths have fallen by more than half since 2000.",
        "body": (
            "<p>Every year a group of UN agencies and the World Bank pool birth and "
            "death records, household surveys and census data to estimate how many "
            "children die before their fifth birthday. Their latest figures, published "
            "in March 2025, show the number at a historic low: about 4.8 million "
            "deaths in 2023. The total first dropped below five million in 2022.</p>"
            "<h2>The long view</h2>"
            "<p>Since 2000 the number of child deaths worldwide has more than halved, "
            "and the under-five death rate has fallen from roughly 76 to under 40 per "
            "1,000 live births. Some low-income countries have cut their rates by "
            "three-quarters or more over that period.</p>"
            "<ul>"
            "<li>💉 Wider vaccination against measles, pneumonia-causing bacteria and "
            "other infections.</li>"
            "<li>🛏️ Insecticide-treated bed nets and better malaria treatment.</li>"
            "<li>🚰 Cleaner water, sanitation and treatment for diarrhoea.</li>"
            "<li>👶 More births attended by skilled health workers, and better care "
            "for newborns.</li>"
            "</ul>"
            "<h2>The warning in the same report</h2>"
            "<p>The estimates come with a caution. The pace of improvement has slowed "
            "since the mid-2010s, and nearly half of all deaths happen in the first "
            "month of life, often from complications of premature birth. Most deaths "
            "are concentrated in sub-Saharan Africa and South Asia, and many of the "
            "countries with the highest rates also have the least reliable data.</p>"
            "<p>The agencies behind the report, including UNICEF and WHO, said that "
            "cuts in donor funding were already disrupting vaccination, malaria "
            "programmes and health-worker salaries in some places. Without that "
            "support, they warned, the gains of the past two decades could stall or "
            "reverse.</p>"
            "<p>The record low is real and hard-won. Each of those millions of "
            "surviving children reflects cheap, proven measures reaching more "
            "families, and the same measures could reach the rest.</p>"
        ),
        "citations": [
            {
                "source": "un-igme",
                "note": "Levels and Trends in Child Mortality, March 2025",
                "url": "",
                "doi": "",
            },
            {
                "source": "unicef",
                "note": "Member agency of UN IGME",
                "url": "",
                "doi": "",
            },
            {
                "source": "who",
                "note": "Member agency of UN IGME",
                "url": "",
                "doi": "",
            },
            {
                "source": "world-bank",
                "note": "Member agency of UN IGME",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "south-atlantic-humpback-whales-near-pre-whaling-numbers",
        "title": "Humpback whales in the South Atlantic are back near pre-whaling numbers",
        "standfirst": (
            "A population once reduced to a few hundred animals has grown to an "
            "estimated 25,000, a recovery that followed a near-global end to "
            "commercial whaling."
        ),
        "category": "nature",
        "published": "2025-06-08 09:00",
        "evidence_stage": "population_survey",
        "tags": ["whales", "oceans", "conservation", "wildlife", "climate"],
        "authors": ["owen-halloway"],
        "featured": False,
        "series": "comebacks-species-on-the-rebound",
        "image_alt": "Abstract green and deep-blue curves suggesting a whale's tail above waves",
        "image_caption": "Humpbacks migrate between feeding and breeding grounds each year.",
        "body": (
            "<p>Industrial whaling in the twentieth century pushed many whale "
            "populations to the edge. Humpbacks, slow swimmers that feed close to "
            "shore, were easy targets. The group that breeds off the coast of Brazil "
            "and feeds in the waters around South Georgia was reduced, by one "
            "estimate, to about 450 animals by the 1950s.</p>"
            "<h2>Counting the comeback</h2>"
            "<p>A study published in <em>Royal Society Open Science</em> in 2019 "
            "combined catch records, genetic data and survey counts to reconstruct "
            "that population's history. The researchers estimated that it had grown "
            "back to roughly 25,000 whales, close to the number thought to have lived "
            "there before commercial hunting began.</p>"
            "<p>Humpbacks received international protection in the 1960s, and the "
            "International Whaling Commission agreed a pause on all commercial whaling "
            "in 1982, which took effect in the mid-1980s. Many humpback populations "
            "elsewhere have also grown, and in 2016 the United States reorganised the "
            "species' protection into separate populations, most of which are no "
            "longer listed as endangered.</p>"
            "<ul>"
            "<li>🐋 One South Atlantic population rose from a few hundred to around "
            "25,000.</li>"
            "<li>🌊 Several other humpback populations worldwide are also "
            "recovering.</li>"
            "<li>📜 The turning point was an international agreement to stop "
            "commercial whaling.</li>"
            "</ul>"
            "<h2>New pressures</h2>"
            "<p>Recovery from hunting does not mean the oceans are safe. Humpbacks are "
            "still killed by collisions with ships and by entanglement in fishing "
            "gear, and underwater noise can disrupt their communication. Changes in "
            "ocean temperature also affect the krill and small fish they eat: a 2024 "
            "study linked a marked drop in North Pacific humpback numbers to a long "
            "marine heatwave in the mid-2010s.</p>"
            "<p>Scientists say the South Atlantic recovery shows how resilient whales "
            "can be when the main threat is removed, and why monitoring must continue "
            "as the threats change.</p>"
        ),
        "citations": [
            {
                "source": "royal-society-open-science",
                "note": "Royal Society Open Science, 2019 (peer-reviewed)",
                "url": "",
                "doi": "",
            },
            {
                "source": "international-whaling-commission",
                "note": "Commercial whaling moratorium",
                "url": "",
                "doi": "",
            },
            {
                "source": "noaa",
                "note": "US humpback whale population listings, 2016",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "beavers-licensed-wild-release-england",
        "title": (
            "Beavers return to England's wild under licence, four centuries after they vanished"
        ),
        "standfirst": (
            "After years of trials and fenced enclosures, England began licensing the "
            "release of beavers into the open countryside in 2025, with the first "
            "pairs set free in Dorset."
        ),
        "category": "nature",
        "published": "2025-03-31 09:00",
        "evidence_stage": "not_applicable",
        "tags": [
            "beavers",
            "rivers",
            "rewilding",
            "conservation",
            "uk",
            "wildlife",
            "climate",
        ],
        "authors": ["owen-halloway"],
        "featured": False,
        "series": "comebacks-species-on-the-rebound",
        "image_alt": "Abstract green and brown layered shapes like a dam across a slow stream",
        "image_caption": "Beaver dams hold back water and create new wetland habitat.",
        "body": (
            "<p>Eurasian beavers were hunted out of Britain more than 400 years ago "
            "for their fur, meat and scent glands. Their return has been gradual and, "
            "at times, unofficial: some animals escaped from collections or were "
            "released without permission, and small wild populations took hold on a "
            "handful of rivers.</p>"
            "<h2>From trial to licence</h2>"
            "<p>Scotland moved first, with an official trial in Argyll from 2009 and "
            "legal protection for beavers in 2019. In England, a five-year study of a "
            "wild population on the River Otter in Devon, run by Devon Wildlife Trust, "
            "ended with the government allowing those beavers to stay. Beavers became "
            "a legally protected species in England in 2022.</p>"
            "<p>At the end of February 2025 the government announced that Natural "
            "England could license releases into the wild, not only into fenced sites. "
            "The first such release followed in March, when the National Trust let two "
            "pairs go at Purbeck in Dorset.</p>"
            "<blockquote><p>In the National Trust's telling, the release marked a "
            "turning point for the species in England after centuries of "
            "absence.</p></blockquote>"
            "<h2>What beavers do for a river</h2>"
            "<ul>"
            "<li>💧 Their dams and ponds hold back water, which can slow floods "
            "downstream.</li>"
            "<li>🌾 Stored water helps wetlands stay wet through dry spells.</li>"
            "<li>🐸 New pools create habitat for insects, amphibians, birds and "
            "fish.</li>"
            "<li>🧪 Ponds trap sediment and can improve water quality.</li>"
            "</ul>"
            "<h2>Living alongside them</h2>"
            "<p>Not everyone is delighted. Farmers have raised concerns about flooded "
            "fields, blocked drains and damaged trees. Licences require releases to be "
            "well planned, with local support and a plan for managing problems, and "
            "the government has said it will set out longer-term guidance on living "
            "with beavers.</p>"
            "<p>Conservationists see the licensed releases as a chance to show that an "
            "animal missing for centuries can fit back into a crowded, farmed "
            "landscape.</p>"
        ),
        "citations": [
            {
                "source": "natural-england",
                "note": "Licensing of wild beaver releases, February 2025",
                "url": "",
                "doi": "",
            },
            {
                "source": "national-trust",
                "note": "First licensed wild release, Purbeck, March 2025",
                "url": "",
                "doi": "",
            },
            {
                "source": "devon-wildlife-trust",
                "note": "River Otter Beaver Trial",
                "url": "",
                "doi": "",
            },
            {
                "source": "naturescot",
                "note": "Legal protection of beavers in Scotland, 2019",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "otters-recovery-after-pesticide-bans-britain",
        "title": (
            "Britain's otters bounced back once the pesticides poisoning their rivers were banned"
        ),
        "standfirst": (
            "Otters all but disappeared from much of England by the 1970s. "
            "Restrictions on toxic chemicals and legal protection let them return to "
            "rivers across the country."
        ),
        "category": "nature",
        "published": "2025-08-14 09:00",
        "evidence_stage": "population_survey",
        "tags": ["otters", "rivers", "pollution", "conservation", "uk", "wildlife"],
        "authors": ["owen-halloway"],
        "featured": False,
        "series": "comebacks-species-on-the-rebound",
        "image_alt": "Abstract green river ribbon with a small sleek shape curving through it",
        "image_caption": "Otters are back on rivers where they were absent for decades.",
        "body": (
            "<p>From the late 1950s, otters in England began to disappear at an "
            "alarming rate. Within two decades they were gone from most rivers in the "
            "country. For a while the cause was unclear; hunting, disturbance and "
            "habitat loss all played a part. The main culprit turned out to be a group "
            "of pesticides.</p>"
            "<h2>Poison in the food chain</h2>"
            "<p>Organochlorine chemicals such as dieldrin were widely used in seed "
            "dressings and sheep dips. They washed into rivers, built up in fish, and "
            "became concentrated in the animals that ate them, including otters. The "
            "same chemicals harmed birds of prey. As their use was restricted and then "
            "phased out from the 1960s onwards, the poison slowly left the food "
            "chain.</p>"
            "<p>Otters also gained legal protection in England and Wales in 1978, "
            "which ended otter hunting. Cleaner water from improved sewage treatment, "
            "and work by conservation groups to restore riverbanks, helped the "
            "recovery along.</p>"
            "<h2>Measuring the return</h2>"
            "<p>National otter surveys in England have checked the same riverside "
            "sites for signs such as droppings and footprints since the late 1970s. In "
            "the first survey otters were found at only a few per cent of sites. By "
            "the survey around 2010, signs were found at well over half of them, and "
            "otters had returned to every county in England.</p>"
            "<ul>"
            "<li>🦦 Otters went from rare to widespread on English rivers within about "
            "30 years.</li>"
            "<li>🚫 Banning the most toxic pesticides was the decisive step.</li>"
            "<li>⚖️ Legal protection and cleaner rivers helped populations grow.</li>"
            "</ul>"
            "<h2>What still threatens them</h2>"
            "<p>Road traffic is now the most commonly recorded cause of death for "
            "otters, and many rivers still fail water-quality standards because of "
            "sewage and farm run-off. Conservationists also watch for newer chemical "
            "pollutants. But the otter's return remains one of the clearest examples "
            "of wildlife recovering once a specific, identified pollutant is "
            "removed.</p>"
        ),
        "citations": [
            {
                "source": "environment-agency",
                "note": "National otter surveys of England",
                "url": "",
                "doi": "",
            },
            {
                "source": "the-wildlife-trusts",
                "note": "Otter ecology and conservation",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "bald-eagle-recovery-from-ddt",
        "title": "The bald eagle's long climb back from DDT and the edge of extinction",
        "standfirst": (
            "In 1963 only about 400 nesting pairs were known in the lower 48 US "
            "states. A pesticide ban and legal protection helped the population grow "
            "to hundreds of thousands of birds."
        ),
        "category": "nature",
        "published": "2025-07-03 09:00",
        "evidence_stage": "population_survey",
        "tags": ["birds", "conservation", "wildlife", "usa", "pollution"],
        "authors": ["owen-halloway"],
        "featured": False,
        "series": "comebacks-species-on-the-rebound",
        "image_alt": "Abstract green and white wing shape rising over a deep forest gradient",
        "image_caption": "Bald eagles were removed from the endangered list in 2007.",
        "body": (
            "<p>The bald eagle has been a national emblem of the United States since "
            "the eighteenth century, and in December 2024 it was formally named the "
            "national bird by law. For much of the twentieth century, though, it was "
            "close to disappearing from most of the country.</p>"
            "<h2>What went wrong</h2>"
            "<p>Eagles were shot, lost nesting trees to development and were poisoned. "
            "The most damaging threat was DDT, an insecticide used widely after the "
            "Second World War. It built up in the fish eagles eat and caused the birds "
            "to lay eggs with thin shells that cracked during incubation. By 1963 only "
            "about 417 nesting pairs were known in the lower 48 states.</p>"
            "<h2>How it was turned around</h2>"
            "<p>The US banned most uses of DDT in 1972, and the eagle was protected "
            "under endangered species law. Wildlife agencies protected nest sites, and "
            "captive breeding and release programmes helped restock some areas. "
            "Eggshells thickened again, and nesting success rose.</p>"
            "<ul>"
            "<li>🦅 The bald eagle was removed from the endangered species list in "
            "2007.</li>"
            "<li>📈 The US Fish and Wildlife Service estimated more than 300,000 "
            "eagles in the lower 48 states in 2021.</li>"
            "<li>🪺 Tens of thousands of nesting pairs are now recorded, up from a few "
            "hundred.</li>"
            "</ul>"
            "<h2>The threat that remains</h2>"
            "<p>Eagles still die from collisions, electrocution on power lines and, "
            "notably, lead poisoning. They scavenge carcasses and gut piles left by "
            "hunters and can swallow fragments of lead shot or bullets. A large study "
            "published in 2022 found signs of repeated lead exposure in nearly half of "
            "the eagles tested across the country. Switching to lead-free ammunition "
            "is encouraged in many states, though largely voluntary.</p>"
            "<p>Even so, an animal that was once a rare sight is now seen over rivers "
            "and lakes in every one of the lower 48 states.</p>"
        ),
        "citations": [
            {
                "source": "us-fish-and-wildlife-service",
                "note": "Bald eagle population estimates, 2021",
                "url": "",
                "doi": "",
            },
            {
                "source": "us-epa",
                "note": "DDT cancellation, 1972",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "iberian-lynx-recovery-more-than-2000",
        "title": "Iberian lynx climbs from fewer than 100 animals to more than 2,000",
        "standfirst": (
            "Once the world's most endangered cat, the Iberian lynx has been "
            "downgraded twice on the IUCN Red List thanks to breeding, reintroductions "
            "and rebuilding its rabbit prey."
        ),
        "category": "nature",
        "published": "2025-10-09 09:00",
        "evidence_stage": "population_survey",
        "tags": ["lynx", "conservation", "wildlife", "rewilding", "europe"],
        "authors": ["owen-halloway"],
        "featured": False,
        "series": "comebacks-species-on-the-rebound",
        "image_alt": "Abstract green and amber shapes suggesting tufted ears in tall dry grass",
        "image_caption": "The Iberian lynx lives only in Spain and Portugal.",
        "body": (
            "<p>At the start of this century the Iberian lynx was close to extinction. "
            "Fewer than 100 animals survived, split between two isolated pockets in "
            "Andalusia in southern Spain. It was widely described as the most "
            "threatened cat species in the world.</p>"
            "<h2>Why it nearly vanished</h2>"
            "<p>The lynx depends heavily on the European rabbit, and rabbit numbers on "
            "the Iberian peninsula collapsed in the twentieth century after outbreaks "
            "of myxomatosis and, later, a viral haemorrhagic disease. Loss of "
            "scrubland habitat, road deaths and illegal killing did the rest.</p>"
            "<h2>The recovery plan</h2>"
            "<p>Spanish and Portuguese authorities, conservation groups and landowners "
            "built a long programme with European Union funding. It included:</p>"
            "<ul>"
            "<li>🐱 A captive breeding network that has produced hundreds of cubs.</li>"
            "<li>📍 Reintroductions into several areas of Spain and Portugal.</li>"
            "<li>🐇 Restoring rabbit populations and the scrub they need.</li>"
            "<li>🛣️ Underpasses and fencing to reduce deaths on roads.</li>"
            "<li>🤝 Agreements with private landowners, who manage much of the "
            "habitat.</li>"
            "</ul>"
            "<p>The results have been striking. Annual censuses counted more than "
            "2,000 Iberian lynx in 2023. The IUCN moved the species from Critically "
            "Endangered to Endangered in 2015, and in 2024 downgraded it again, to "
            "Vulnerable.</p>"
            "<h2>Still vulnerable</h2>"
            "<p>The new status is still a threatened category. Traffic kills many lynx "
            "every year, rabbit diseases continue to circulate, and a population that "
            "passed through such a narrow bottleneck has limited genetic diversity. "
            "Climate change may add pressure on the Mediterranean habitats where it "
            "lives. Conservationists say that connecting separate populations so "
            "animals can move and breed between them is the next priority.</p>"
        ),
        "citations": [
            {
                "source": "iucn",
                "note": "IUCN Red List update, June 2024",
                "url": "",
                "doi": "",
            },
            {
                "source": "european-commission",
                "note": "LIFE programme funding for lynx conservation",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "webb-telescope-early-universe-four-years",
        "title": "Four years of Webb: the early universe turned out busier than expected",
        "standfirst": (
            "Since its launch on Christmas Day 2021, the James Webb Space Telescope "
            "has found bright galaxies surprisingly soon after the Big Bang and read "
            "the chemistry of distant planets' air."
        ),
        "category": "science",
        "published": "2025-12-23 09:00",
        "evidence_stage": "not_applicable",
        "tags": ["space", "astronomy", "webb", "exoplanets", "cosmology"],
        "authors": ["priya-vantaraman"],
        "featured": False,
        "image_alt": "Abstract indigo field of stars with a golden hexagon pattern in one corner",
        "image_caption": "Webb's mirror is made of 18 hexagonal segments.",
        "body": (
            "<p>The James Webb Space Telescope, a partnership between NASA, the "
            "European Space Agency and the Canadian Space Agency, launched on 25 "
            "December 2021. Its 6.5-metre gold-coated mirror unfolded in space, and it "
            "now orbits a point about 1.5 million kilometres from Earth, where it "
            "stays cold enough to detect faint infrared light. Its first full-colour "
            "images were released in July 2022.</p>"
            "<h2>Galaxies from the cosmic dawn</h2>"
            "<p>Light from the most distant galaxies has been stretched into the "
            "infrared by the expansion of the universe, which is exactly what Webb was "
            "designed to see. In 2024 astronomers confirmed a galaxy seen as it was "
            "only about 290 million years after the Big Bang, a record at the time. "
            "More surprising than any single record has been how many bright, "
            "well-developed galaxies Webb finds in that early era, more than many "
            "models predicted. Theorists are now revisiting how quickly the first "
            "stars and galaxies formed.</p>"
            "<h2>Reading alien atmospheres</h2>"
            "<p>When a planet passes in front of its star, a little starlight filters "
            "through its atmosphere, and the gases there leave fingerprints in the "
            "spectrum. In 2022 Webb made the first clear detection of carbon dioxide "
            "in the atmosphere of a planet outside our solar system, a hot gas giant "
            "called WASP-39b. It has since studied many more worlds, including small "
            "rocky planets.</p>"
            "<ul>"
            "<li>🌌 Very distant galaxies observed within a few hundred million years "
            "of the Big Bang.</li>"
            "<li>🧪 Molecules such as carbon dioxide and water vapour measured in "
            "exoplanet atmospheres.</li>"
            "<li>⭐ Sharper views of star birth hidden inside dusty clouds.</li>"
            "<li>⛽ A precise launch left fuel for a mission well beyond its original "
            "ten-year goal.</li>"
            "</ul>"
            "<h2>Questions, not just answers</h2>"
            "<p>Some early, headline-grabbing claims about impossibly massive galaxies "
            "were later revised as distance estimates were checked, a reminder that "
            "first results are provisional. Astronomers stress that Webb has not "
            "overturned the standard picture of cosmology; it has given them far "
            "better data with which to test it.</p>"
        ),
        "citations": [
            {
                "source": "nasa",
                "note": "James Webb Space Telescope mission",
                "url": "",
                "doi": "",
            },
            {
                "source": "esa",
                "note": "Webb mission partner",
                "url": "",
                "doi": "",
            },
            {
                "source": "canadian-space-agency",
                "note": "Webb mission partner",
                "url": "",
                "doi": "",
            },
            {
                "source": "stsci",
                "note": "Webb science operations",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "alphafold-protein-structures-nobel-prize",
        "title": "From protein puzzle to Nobel Prize: what AlphaFold changed for biologists",
        "standfirst": (
            "Predicting a protein's shape from its sequence was a 50-year challenge. "
            "An AI system solved much of it, earning a share of the 2024 Nobel Prize "
            "in Chemistry."
        ),
        "category": "science",
        "published": "2025-10-14 09:00",
        "evidence_stage": "modelling",
        "tags": [
            "proteins",
            "ai",
            "structural-biology",
            "nobel-prize",
            "drug-discovery",
        ],
        "authors": ["priya-vantaraman"],
        "featured": False,
        "image_alt": "Abstract indigo ribbon folding into a compact knot against a pale grid",
        "image_caption": "A protein's folded shape determines what it can do.",
        "body": (
            "<p>Proteins do most of the work in living cells, and what each one does "
            "depends on the three-dimensional shape its chain of building blocks folds "
            "into. Working out those shapes experimentally, with techniques such as "
            "X-ray crystallography or cryo-electron microscopy, can take months or "
            "years for a single protein. Predicting the shape directly from the "
            "sequence had been an open problem since the 1970s.</p>"
            "<h2>The breakthrough</h2>"
            "<p>Since 1994 a community competition called CASP has tested prediction "
            "methods against structures that had been solved but not yet published. In "
            "2020 AlphaFold 2, developed by DeepMind (now Google DeepMind), produced "
            "predictions that for many proteins were close to experimental accuracy. "
            "The method was described in <em>Nature</em> in 2021 and its code was made "
            "available to researchers.</p>"
            "<p>Working with EMBL's European Bioinformatics Institute, DeepMind then "
            "released predicted structures for more than 200 million proteins, "
            "covering nearly every protein in the major public sequence databases, "
            "free to anyone.</p>"
            "<ul>"
            "<li>🧬 Structure predictions that once took years can be looked up in "
            "seconds.</li>"
            "<li>🔓 The database is open to scientists everywhere at no cost.</li>"
            "<li>💊 Researchers use the models to plan experiments and to explore drug "
            "targets.</li>"
            "<li>🏅 Demis Hassabis and John Jumper shared half of the 2024 Nobel Prize "
            "in Chemistry; David Baker received the other half for designing new "
            "proteins.</li>"
            "</ul>"
            "<h2>Models, not measurements</h2>"
            "<p>AlphaFold's outputs are predictions, and the system reports how "
            "confident it is in each part. Floppy regions, proteins that change shape, "
            "and large assemblies remain harder to predict, and experimental "
            "structures are still needed to confirm important details. Newer versions "
            "extend the approach to proteins bound to DNA, RNA and small molecules.</p>"
            "<p>Even with those limits, biologists often describe the change as a "
            "shift in starting point: many now begin a project with a predicted "
            "structure in hand instead of no structure at all.</p>"
        ),
        "citations": [
            {
                "source": "nature-journal",
                "note": "Jumper et al., Nature, 2021 (peer-reviewed)",
                "url": "",
                "doi": "10.1038/s41586-021-03819-2",
            },
            {
                "source": "nobel-prize",
                "note": "Nobel Prize in Chemistry 2024",
                "url": "",
                "doi": "",
            },
            {
                "source": "google-deepmind",
                "note": "AlphaFold developer",
                "url": "",
                "doi": "",
            },
            {
                "source": "embl-ebi",
                "note": "AlphaFold Protein Structure Database",
                "url": "",
                "doi": "",
            },
            {
                "source": "university-of-washington",
                "note": "David Baker's institution",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "human-pangenome-reference-more-diverse-genome",
        "title": "A human reference genome that reflects more than a handful of people",
        "standfirst": (
            "The first draft human pangenome combines genomes from 47 people of "
            "diverse ancestry, filling gaps that the old single reference missed and "
            "sharpening the search for disease-causing variants."
        ),
        "category": "science",
        "published": "2025-05-28 09:00",
        "evidence_stage": "not_applicable",
        "tags": ["genomics", "dna", "human-genome", "rare-disease", "diversity"],
        "authors": ["priya-vantaraman"],
        "featured": False,
        "image_alt": (
            "Abstract indigo lines that split and rejoin like braided paths across the frame"
        ),
        "image_caption": "A pangenome records many versions of each stretch of DNA.",
        "body": (
            "<p>When a hospital laboratory sequences a patient's DNA, it compares the "
            "result with a reference genome to spot differences that might explain a "
            "disease. For two decades the standard reference has been stitched "
            "together mostly from the DNA of a small number of people, with most of it "
            "coming from a single individual. That makes it a poor match in places "
            "where other people's genomes differ a lot.</p>"
            "<h2>From one reference to many</h2>"
            "<p>In 2022 the Telomere-to-Telomere consortium published the first "
            "complete, gap-free sequence of a human genome. A year later, in May 2023, "
            "the Human Pangenome Reference Consortium published a draft pangenome in "
            "<em>Nature</em>. Instead of a single sequence, it is a graph that records "
            "the different versions of each region found in 47 people from a range of "
            "ancestries.</p>"
            "<ul>"
            "<li>🧬 It added around 119 million letters of DNA sequence missing from "
            "the standard reference.</li>"
            "<li>🎯 Using it reduced errors when finding small genetic differences by "
            "about a third.</li>"
            "<li>🔍 It roughly doubled the number of large structural variants that "
            "could be detected.</li>"
            "<li>🌍 The consortium is adding genomes toward a goal of several hundred "
            "people.</li>"
            "</ul>"
            "<h2>Why it matters for patients</h2>"
            "<p>Large structural changes, such as duplicated or missing chunks of DNA, "
            "are behind some rare genetic diseases but are hard to see against a "
            "single reference. A richer reference also helps make genetic testing more "
            "accurate for people whose ancestry was poorly represented before. Most "
            "clinical pipelines still use the older reference, so the switch will take "
            "time, and tools are being rebuilt to work with graph genomes.</p>"
            "<p>The project has also raised careful discussion about consent and fair "
            "representation, since a reference built from a few dozen people still "
            "cannot capture all of human diversity.</p>"
        ),
        "citations": [
            {
                "source": "nature-journal",
                "note": "Liao et al., Nature, May 2023 (peer-reviewed)",
                "url": "",
                "doi": "10.1038/s41586-023-05896-x",
            },
            {
                "source": "human-pangenome-reference-consortium",
                "note": "Draft human pangenome",
                "url": "",
                "doi": "",
            },
            {
                "source": "nhgri",
                "note": "Project funder",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "fusion-ignition-three-years-on",
        "title": "Three years after fusion 'ignition', what the milestone does and doesn't mean",
        "standfirst": (
            "In December 2022 a US laser facility got more energy out of a fusion "
            "reaction than its lasers put in. It was a real scientific first, and "
            "still a long way from a power station."
        ),
        "category": "science",
        "published": "2025-12-05 09:00",
        "evidence_stage": "lab_study",
        "tags": ["fusion", "energy", "physics", "climate"],
        "authors": ["priya-vantaraman", "ines-marwood"],
        "featured": False,
        "image_alt": "Abstract indigo sphere with beams converging on a bright white centre",
        "image_caption": "Lasers squeeze a fuel capsule smaller than a peppercorn.",
        "body": (
            "<p>Fusion, the process that powers the Sun, releases energy when light "
            "atoms merge. Doing it on Earth means heating fuel to temperatures hotter "
            "than the Sun's core and holding it together long enough for reactions to "
            "run. For decades, experiments put in more energy than they got out.</p>"
            "<h2>What happened in December 2022</h2>"
            "<p>At the National Ignition Facility, part of Lawrence Livermore National "
            "Laboratory in California, 192 laser beams fired about 2.05 megajoules of "
            "energy at a tiny capsule of deuterium and tritium. The capsule imploded "
            "and released about 3.15 megajoules of fusion energy. It was the first "
            "time a controlled fusion experiment had produced more energy than was "
            "delivered to the fuel, a threshold physicists call ignition. The facility "
            "has repeated the result several times since, with higher yields.</p>"
            "<ul>"
            "<li>✅ A decades-old scientific goal was met and then reproduced.</li>"
            "<li>🔬 It confirmed that computer models of these implosions are on the "
            "right track.</li>"
            "<li>⚠️ The lasers drew far more energy from the grid than the reaction "
            "released.</li>"
            "<li>⏳ The facility fires a few shots a day at most; a power plant would "
            "need many per second.</li>"
            "</ul>"
            "<h2>The gap to a power plant</h2>"
            "<p>The 2022 result counts only the energy that reached the target, not "
            "the much larger amount used to power the lasers, which were designed "
            "decades ago and are far from efficient. NIF was built mainly to support "
            "research on nuclear weapons without testing, not to generate electricity. "
            "A working power plant would need efficient lasers or magnets, cheap "
            "targets, materials that survive constant neutron bombardment, and a way "
            "to breed tritium fuel.</p>"
            "<p>Governments and private companies are pursuing several designs, and "
            "some aim to demonstrate net electricity in the coming decade. Fusion is "
            "unlikely to contribute much power before the middle of the century, so it "
            "is not a substitute for cutting emissions with the tools available now. "
            "As a piece of physics, though, ignition was a genuine first.</p>"
        ),
        "citations": [
            {
                "source": "lawrence-livermore-national-laboratory",
                "note": "National Ignition Facility results",
                "url": "",
                "doi": "",
            },
            {
                "source": "us-department-of-energy",
                "note": "Announcement of fusion ignition, December 2022",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "dart-asteroid-deflection-three-years-on",
        "title": "Three years on, NASA's asteroid nudge still looks like a planetary-defence win",
        "standfirst": (
            "In 2022 the DART spacecraft crashed into a small asteroid moon and "
            "shortened its orbit by about 33 minutes, the first test of changing an "
            "asteroid's path on purpose."
        ),
        "category": "science",
        "published": "2025-09-26 09:00",
        "evidence_stage": "not_applicable",
        "tags": ["space", "asteroids", "planetary-defence"],
        "authors": ["priya-vantaraman"],
        "featured": False,
        "image_alt": "Abstract indigo scene with a small grey rock and a bright streak striking it",
        "image_caption": "DART hit Dimorphos, a moonlet of the asteroid Didymos.",
        "body": (
            "<p>No known asteroid is on course to hit Earth in the foreseeable future, "
            "but space agencies want to know what they could do if one were. NASA's "
            "Double Asteroid Redirection Test, DART, was the first experiment to find "
            "out.</p>"
            "<h2>The target and the hit</h2>"
            "<p>DART's target was Dimorphos, a small asteroid about 160 metres across "
            "that circles a larger one, Didymos. Neither posed any danger to Earth. "
            "Because Dimorphos orbits its partner, astronomers could measure any "
            "change in its orbit from telescopes on the ground. On 26 September 2022 "
            "the spacecraft flew into Dimorphos at roughly six kilometres per second, "
            "watched by a small Italian companion satellite.</p>"
            "<p>Before the impact, Dimorphos took about 11 hours and 55 minutes to go "
            "around Didymos. Afterwards the orbit was shorter by about 33 minutes. "
            "NASA had set a change of just 73 seconds as the minimum for success.</p>"
            "<ul>"
            "<li>🎯 The first deliberate change to the motion of a natural body in "
            "space.</li>"
            "<li>💥 Rock and dust blasted off the surface gave a large extra push, on "
            "top of the impact itself.</li>"
            "<li>📡 The result was confirmed by several independent telescope "
            "teams.</li>"
            "<li>🛰️ The European Space Agency's Hera mission is travelling to survey "
            "the aftermath in detail.</li>"
            "</ul>"
            "<h2>What it does and doesn't prove</h2>"
            "<p>DART showed that a kinetic impact can shift a small asteroid, and that "
            "debris thrown off the surface can multiply the effect. It did not show "
            "that the approach would work on every kind of asteroid: loosely bound "
            "rubble piles and solid rocks may respond differently, and a real threat "
            "would need to be found years or decades in advance for a small nudge to "
            "be enough. That is why surveys to find near-Earth asteroids matter as "
            "much as the deflection itself.</p>"
            "<p>Hera, launched in October 2024, is due to reach the pair in late 2026 "
            "and measure the size of the crater and the mass of Dimorphos, which will "
            "tighten the lessons from the test.</p>"
        ),
        "citations": [
            {
                "source": "nature-journal",
                "note": "Thomas et al., Nature, 2023 (peer-reviewed)",
                "url": "",
                "doi": "10.1038/s41586-023-05805-2",
            },
            {
                "source": "nasa",
                "note": "DART mission",
                "url": "",
                "doi": "",
            },
            {
                "source": "johns-hopkins-apl",
                "note": "Built and operated DART for NASA",
                "url": "",
                "doi": "",
            },
            {
                "source": "italian-space-agency",
                "note": "LICIACube companion satellite",
                "url": "",
                "doi": "",
            },
            {
                "source": "esa",
                "note": "Hera mission",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [
            {
                "date": "2025-09-27",
                "text": (
                    "An earlier version of this story gave the wrong year for the "
                    "launch of ESA's Hera mission. It launched in October 2024."
                ),
            },
        ],
    },
    {
        "slug": "ozone-layer-on-track-to-recover",
        "title": "The ozone layer is on course to heal within decades, assessment finds",
        "standfirst": (
            "Thanks to the Montreal Protocol, the ozone layer is expected to return to "
            "1980 levels over most of the world around 2040, and over Antarctica "
            "around 2066."
        ),
        "category": "planet",
        "published": "2025-09-16 09:00",
        "evidence_stage": "modelling",
        "tags": ["ozone", "climate", "pollution", "cancer"],
        "authors": ["ines-marwood"],
        "featured": False,
        "image_alt": "Abstract blue globe with a thin glowing shell closing over the south pole",
        "image_caption": "The Antarctic ozone hole still opens every southern spring.",
        "body": (
            "<p>High in the stratosphere, a thin layer of ozone absorbs much of the "
            "Sun's harmful ultraviolet light. In the 1980s scientists showed that "
            "chemicals used in fridges, aerosol cans and foams, chiefly "
            "chlorofluorocarbons or CFCs, were destroying it, and a large hole was "
            "opening over Antarctica each spring.</p>"
            "<h2>A treaty that worked</h2>"
            "<p>Governments responded with the Montreal Protocol in 1987, later "
            "strengthened several times. It became the first UN treaty ratified by "
            "every country in the world. Every four years a panel of scientists, "
            "backed by the World Meteorological Organization and the UN Environment "
            "Programme, assesses how the ozone layer is doing. Their most recent full "
            "assessment, released in January 2023, found that about 99% of the "
            "ozone-depleting substances banned under the treaty have been phased "
            "out.</p>"
            "<ul>"
            "<li>🌍 Over most of the world, ozone is projected to return to 1980 "
            "levels around 2040.</li>"
            "<li>❄️ Over the Arctic, recovery is expected around 2045.</li>"
            "<li>🐧 Over Antarctica, where the damage was worst, around 2066.</li>"
            "<li>🌡️ Because many of the banned chemicals are also greenhouse gases, the "
            "treaty has helped slow global warming too.</li>"
            "</ul>"
            "<h2>Why the dates are projections</h2>"
            "<p>These dates come from combining measurements with models of "
            "atmospheric chemistry, and they assume countries keep to the rules. "
            "Illegal CFC emissions traced to eastern China in the 2010s showed how "
            "quickly progress can be undermined; those emissions fell again after they "
            "were exposed. The size of the Antarctic hole also swings from year to "
            "year with the weather, so a single large hole does not mean recovery has "
            "stopped.</p>"
            "<h2>The next chapter</h2>"
            "<p>A 2016 amendment agreed in Kigali extends the treaty to "
            "hydrofluorocarbons, replacements for CFCs that do not harm ozone but are "
            "powerful greenhouse gases. The assessment estimated that phasing them "
            "down could avoid roughly 0.3 to 0.5°C of warming by 2100.</p>"
            "<p>For health, a recovered ozone layer means less ultraviolet exposure "
            "and, over time, fewer skin cancers and cataracts than there would "
            "otherwise have been.</p>"
        ),
        "citations": [
            {
                "source": "wmo",
                "note": "Scientific Assessment of Ozone Depletion: 2022, released January 2023",
                "url": "",
                "doi": "",
            },
            {
                "source": "unep",
                "note": "Ozone Secretariat and assessment co-sponsor",
                "url": "",
                "doi": "",
            },
            {
                "source": "nasa",
                "note": "Ozone monitoring",
                "url": "",
                "doi": "",
            },
            {
                "source": "noaa",
                "note": "Ozone monitoring",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "solar-power-fastest-growing-electricity-source",
        "title": "Solar power is now the world's fastest-growing source of new electricity",
        "standfirst": (
            "Solar panels make up most of the renewable capacity being added "
            "worldwide, according to the International Energy Agency, as costs have "
            "fallen sharply. Grids are now the bottleneck."
        ),
        "category": "planet",
        "published": "2025-06-19 09:00",
        "evidence_stage": "not_applicable",
        "tags": ["solar", "energy", "renewables", "climate"],
        "authors": ["ines-marwood"],
        "featured": False,
        "image_alt": "Abstract blue rows of tilted rectangles under a large pale-yellow disc",
        "image_caption": "Solar is the largest source of new renewable capacity.",
        "body": (
            "<p>A little over a decade ago, solar power was a small and expensive part "
            "of the world's electricity supply. Today it is the largest source of new "
            "generating capacity added each year. The International Energy Agency, "
            "which tracks energy markets for its member governments, has reported "
            "record additions of renewable capacity year after year, with solar "
            "photovoltaics making up around three quarters of the total.</p>"
            "<h2>Why solar took off</h2>"
            "<p>The main reason is price. Mass manufacturing, mostly in China, and "
            "steady improvements in panel efficiency have cut the cost of large solar "
            "farms dramatically; the International Renewable Energy Agency estimates "
            "that the average cost of electricity from new utility-scale solar fell by "
            "roughly 90% between 2010 and the early 2020s. In many countries, new "
            "solar is now among the cheapest ways to generate power.</p>"
            "<ul>"
            "<li>☀️ Solar accounts for most of the world's new renewable capacity.</li>"
            "<li>💸 Costs have fallen by around nine-tenths since 2010.</li>"
            "<li>🏠 Rooftop systems let households and businesses generate their own "
            "power.</li>"
            "<li>📈 The IEA expects solar to lead renewable growth for the rest of "
            "this decade.</li>"
            "</ul>"
            "<h2>The catch</h2>"
            "<p>Solar only generates when the Sun shines, so its growth depends on "
            "batteries, flexible demand and stronger grids to move power where it is "
            "needed. In several countries projects are waiting years for a grid "
            "connection, and on sunny days some solar output is already being switched "
            "off because the network cannot absorb it. The IEA has also flagged the "
            "concentration of manufacturing in a few countries as a supply-chain "
            "risk.</p>"
            "<p>Capacity is not the same as generation: a solar farm produces far less "
            "over a year than a gas or nuclear plant of the same rated size. Fossil "
            "fuels still supply most of the world's energy, and emissions have not yet "
            "started a steady decline.</p>"
            "<p>But the direction of travel is clear. The fastest-growing source of "
            "electricity is also one of the cleanest, and its costs are still "
            "falling.</p>"
        ),
        "citations": [
            {
                "source": "iea",
                "note": "Renewables market reports",
                "url": "",
                "doi": "",
            },
            {
                "source": "irena",
                "note": "Renewable power generation costs",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "amazon-deforestation-brazil-lowest-in-nine-years",
        "title": "Deforestation in Brazil's Amazon fell to its lowest level in about nine years",
        "standfirst": (
            "Satellite monitoring showed forest clearing dropped by roughly 30% in the "
            "year to July 2024, following stronger enforcement. Drought and fire "
            "remain serious threats."
        ),
        "category": "planet",
        "published": "2025-07-22 09:00",
        "evidence_stage": "not_applicable",
        "tags": [
            "forests",
            "deforestation",
            "amazon",
            "climate",
            "conservation",
            "brazil",
        ],
        "authors": ["ines-marwood"],
        "featured": False,
        "image_alt": "Abstract blue-green canopy of overlapping circles with a few pale gaps",
        "image_caption": "Brazil's space institute measures clearing from satellite images.",
        "body": (
            "<p>Brazil has tracked the loss of its Amazon rainforest from space since "
            "the late 1980s. The national space research institute, INPE, runs a "
            "programme called PRODES that maps areas of forest cleared each year, "
            "measured from August to July.</p>"
            "<h2>The latest figures</h2>"
            "<p>For the year ending July 2024, PRODES recorded about 6,300 square "
            "kilometres of forest cleared in the Brazilian Amazon. That was roughly "
            "30% less than the year before and the lowest figure since 2015. It "
            "followed a fall of about a fifth the previous year. At its peak in 2004, "
            "annual clearing was more than four times higher.</p>"
            "<ul>"
            "<li>🌳 Clearing fell for a second year running.</li>"
            "<li>🛰️ The figures come from satellite images checked by analysts.</li>"
            "<li>👮 Stepped-up enforcement, fines and embargoes on illegally cleared "
            "land were key factors.</li>"
            "<li>🎯 Brazil's government has pledged to end illegal deforestation by "
            "2030.</li>"
            "</ul>"
            "<h2>What the numbers leave out</h2>"
            "<p>PRODES counts forest that has been cut down, not forest that has been "
            "damaged. In 2024 a severe drought left much of the Amazon unusually dry, "
            "and fires burned large areas of standing forest. Fire-damaged forest may "
            "not be counted as cleared, but it stores less carbon and is more likely "
            "to burn again. Clearing has also remained high in other Brazilian "
            "ecosystems, such as the Cerrado savanna.</p>"
            "<p>Scientists warn that if enough of the Amazon is lost or degraded, "
            "parts of it could shift toward drier, more open landscapes. That makes "
            "every year of lower clearing count, and it makes keeping the decline "
            "going a test for Brazil's enforcement agencies and for the buyers of "
            "beef, soy and timber further down the supply chain.</p>"
            "<p>The fall shows that political will and monitoring can slow "
            "deforestation quickly, as Brazil also achieved in the decade after "
            "2004.</p>"
        ),
        "citations": [
            {
                "source": "inpe",
                "note": "PRODES annual deforestation data, 2024",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "britain-first-year-without-coal-power",
        "title": (
            "A year without coal: how Britain switched off the fuel that powered it for 142 years"
        ),
        "standfirst": (
            "Britain's last coal-fired power station, Ratcliffe-on-Soar, closed on 30 "
            "September 2024. A decade earlier, coal still produced around 40% of the "
            "country's electricity."
        ),
        "category": "planet",
        "published": "2025-09-30 09:00",
        "evidence_stage": "not_applicable",
        "tags": ["coal", "energy", "climate", "uk"],
        "authors": ["ines-marwood"],
        "featured": False,
        "image_alt": "Abstract blue silhouette of cooling towers fading into a bright sky",
        "image_caption": "Ratcliffe-on-Soar in Nottinghamshire was Britain's last coal plant.",
        "body": (
            "<p>The world's first public coal-fired power station opened in London in "
            "1882. On 30 September 2024, 142 years later, Britain's last one, "
            "Ratcliffe-on-Soar in Nottinghamshire, shut down. The UK became the first "
            "country in the G7 group of large economies to stop generating electricity "
            "from coal.</p>"
            "<h2>A fast decline</h2>"
            "<p>The change happened quickly. As recently as 2012, coal produced "
            "roughly 40% of Britain's electricity. Within a few years its share had "
            "collapsed.</p>"
            "<ul>"
            "<li>💷 A carbon price floor, introduced in 2013, made coal power more "
            "expensive than gas.</li>"
            "<li>🌬️ Offshore wind grew rapidly, helped by government contracts that "
            "guaranteed a price for power.</li>"
            "<li>☀️ Solar, biomass and imports through undersea cables added further "
            "supply.</li>"
            "<li>📅 A firm deadline to end unabated coal power gave companies time to "
            "plan.</li>"
            "</ul>"
            "<h2>What replaced it</h2>"
            "<p>Natural gas still supplies a large share of Britain's electricity, so "
            "the grid is not yet fossil-free. Gas is cleaner than coal, but it still "
            "emits carbon dioxide and ties prices to volatile international markets, "
            "as the energy price crisis of 2022 showed. The government's goal is a "
            "largely clean power system by 2030, which will require more wind, solar, "
            "storage, grid connections and other low-carbon sources.</p>"
            "<p>Burning biomass, mainly imported wood pellets, remains controversial, "
            "and some scientists question how much it really cuts emissions compared "
            "with coal.</p>"
            "<h2>Why it matters beyond Britain</h2>"
            "<p>Coal is the most carbon-intensive way to make electricity, and it "
            "still generates a large part of the world's power. Britain's experience "
            "shows that a major economy can phase it out in little more than a decade "
            "while keeping the lights on. The workers and communities around closing "
            "plants need support too, and Ratcliffe's owner, Uniper, has said the site "
            "will be redeveloped.</p>"
        ),
        "citations": [
            {
                "source": "desnz",
                "note": "UK energy statistics and coal phase-out policy",
                "url": "",
                "doi": "",
            },
            {
                "source": "uniper",
                "note": "Owner of Ratcliffe-on-Soar power station",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "tidal-thames-recovery-seals-seahorses",
        "title": "Once declared biologically dead, the tidal Thames now hosts seals and seahorses",
        "standfirst": (
            "In 1957 scientists found almost no life in the Thames through London. "
            "Decades of cleaner discharges brought wildlife back, though warming and "
            "sewage remain problems."
        ),
        "category": "planet",
        "published": "2025-08-28 09:00",
        "evidence_stage": "population_survey",
        "tags": ["rivers", "pollution", "wildlife", "conservation", "uk", "oceans"],
        "authors": ["ines-marwood", "owen-halloway"],
        "featured": False,
        "image_alt": "Abstract blue river bend with small round shapes surfacing in the water",
        "image_caption": "Seals are now regularly seen in the Thames estuary.",
        "body": (
            "<p>In 1957 scientists from the Natural History Museum surveyed the Thames "
            "as it flows through London and found so little oxygen and so few living "
            "things that the river was described as biologically dead. Raw and poorly "
            "treated sewage, and waste from industry, had choked it.</p>"
            "<h2>How the river came back</h2>"
            "<p>Over the following decades, sewage works were upgraded, industrial "
            "discharges were controlled, and many of the factories that lined the "
            "river closed or moved. Oxygen levels rose, and fish returned. In 2021 the "
            "Zoological Society of London published the first full State of the Thames "
            "report, drawing on long-term monitoring of the tidal river and "
            "estuary.</p>"
            "<ul>"
            "<li>🐟 More than 100 species of fish have been recorded in the tidal "
            "Thames.</li>"
            "<li>🦭 Harbour and grey seals are regularly counted in the estuary.</li>"
            "<li>🐴 Seahorses, eels and even small sharks have been found in its "
            "waters.</li>"
            "<li>🐦 Wading birds feed on mudflats that were once lifeless.</li>"
            "</ul>"
            "<h2>Not a clean bill of health</h2>"
            "<p>The same report flagged worrying trends. The water has been warming, "
            "nitrate levels have risen in places, and some fish populations appear to "
            "be declining. The biggest single problem has been London's Victorian "
            "sewer system, which overflows into the river during heavy rain and pours "
            "untreated sewage straight in.</p>"
            "<p>A new 'super sewer', the Thames Tideway Tunnel, has been built beneath "
            "the river to capture most of those overflows and carry them to treatment "
            "works. Its full effect on water quality will become clearer over the next "
            "few years.</p>"
            "<p>The Thames shows that a river written off as dead can recover when the "
            "sources of pollution are tackled, and that the work of keeping it healthy "
            "does not end.</p>"
        ),
        "citations": [
            {
                "source": "zsl",
                "note": "State of the Thames report, 2021",
                "url": "",
                "doi": "",
            },
            {
                "source": "natural-history-museum",
                "note": "1957 survey of the tidal Thames",
                "url": "",
                "doi": "",
            },
            {
                "source": "environment-agency",
                "note": "River water quality monitoring",
                "url": "",
                "doi": "",
            },
        ],
        "corrections": [],
    },
]
