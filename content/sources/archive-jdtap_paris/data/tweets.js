window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "326247755573166085"
          ],
          "editableUntil" : "2013-04-22T08:45:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "68"
      ],
      "favorite_count" : "3",
      "id_str" : "326247755573166085",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "326247755573166085",
      "created_at" : "Mon Apr 22 08:15:00 +0000 2013",
      "favorited" : false,
      "full_text" : "Merci pour vos 1 500 notes de vendredi. Le livre est en préparation.",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325353178013061130"
          ],
          "editableUntil" : "2013-04-19T21:30:17.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "66",
              "72"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "72"
      ],
      "favorite_count" : "0",
      "id_str" : "325353178013061130",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325353178013061130",
      "created_at" : "Fri Apr 19 21:00:17 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 23 h : Nuit ; 9 °C ; un halo orangé au-dessus de la ville. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325338188237705220"
          ],
          "editableUntil" : "2013-04-19T20:30:43.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "61",
              "67"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "2",
      "id_str" : "325338188237705220",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325338188237705220",
      "created_at" : "Fri Apr 19 20:00:43 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 22 h : Nuit claire ; 10 °C ; les terrasses se vident. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325323033555714058"
          ],
          "editableUntil" : "2013-04-19T19:30:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "55",
              "61"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "61"
      ],
      "favorite_count" : "0",
      "id_str" : "325323033555714058",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325323033555714058",
      "created_at" : "Fri Apr 19 19:00:30 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 21 h : Bleu profond, premières étoiles ; 11 °C. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325320583901253637"
          ],
          "editableUntil" : "2013-04-19T19:20:46.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "32",
              "38"
            ]
          },
          {
            "text" : "placedutertre",
            "indices" : [
              "39",
              "53"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325320583901253637/photo/1",
            "indices" : [
              "54",
              "77"
            ],
            "url" : "https://t.co/IPfMX31FHA",
            "media_url" : "http://pbs.twimg.com/media/BIFOB75hSYAA2om.jpg",
            "id_str" : "325320332177133582",
            "id" : "325320332177133582",
            "media_url_https" : "https://pbs.twimg.com/media/BIFOB75hSYAA2om.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/IPfMX31FHA"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "53"
      ],
      "favorite_count" : "0",
      "id_str" : "325320583901253637",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325320583901253637",
      "created_at" : "Fri Apr 19 18:50:46 +0000 2013",
      "favorited" : false,
      "full_text" : "Place du Tertre, le soir tombe. #jdtap #placedutertre https://t.co/IPfMX31FHA",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325320583901253637/photo/1",
            "indices" : [
              "54",
              "77"
            ],
            "url" : "https://t.co/IPfMX31FHA",
            "media_url" : "http://pbs.twimg.com/media/BIFOB75hSYAA2om.jpg",
            "id_str" : "325320332177133582",
            "id" : "325320332177133582",
            "media_url_https" : "https://pbs.twimg.com/media/BIFOB75hSYAA2om.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/IPfMX31FHA"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325307949068386305"
          ],
          "editableUntil" : "2013-04-19T18:30:33.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "80",
              "86"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "86"
      ],
      "favorite_count" : "6",
      "id_str" : "325307949068386305",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325307949068386305",
      "created_at" : "Fri Apr 19 18:00:33 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 20 h : Le soleil se couche vers 20 h 50 ; ciel rose, puis mauve ; 12 °C. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325300162030575623"
          ],
          "editableUntil" : "2013-04-19T17:59:37.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "42",
              "48"
            ]
          },
          {
            "text" : "placedesvosges",
            "indices" : [
              "49",
              "64"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325300162030575623/photo/1",
            "indices" : [
              "65",
              "88"
            ],
            "url" : "https://t.co/sz7UeVg02c",
            "media_url" : "http://pbs.twimg.com/media/BIrbDzqalSAA-wv.jpg",
            "id_str" : "325300019831074824",
            "id" : "325300019831074824",
            "media_url_https" : "https://pbs.twimg.com/media/BIrbDzqalSAA-wv.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/sz7UeVg02c"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "64"
      ],
      "favorite_count" : "0",
      "id_str" : "325300162030575623",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325300162030575623",
      "created_at" : "Fri Apr 19 17:29:37 +0000 2013",
      "favorited" : false,
      "full_text" : "Place des Vosges, sous les arcades, 19 h. #jdtap #placedesvosges https://t.co/sz7UeVg02c",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325300162030575623/photo/1",
            "indices" : [
              "65",
              "88"
            ],
            "url" : "https://t.co/sz7UeVg02c",
            "media_url" : "http://pbs.twimg.com/media/BIrbDzqalSAA-wv.jpg",
            "id_str" : "325300019831074824",
            "id" : "325300019831074824",
            "media_url_https" : "https://pbs.twimg.com/media/BIrbDzqalSAA-wv.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/sz7UeVg02c"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325297771325693963"
          ],
          "editableUntil" : "2013-04-19T17:50:07.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "131",
              "137"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Hugo Mercier",
            "screen_name" : "hugo_m",
            "indices" : [
              "3",
              "10"
            ],
            "id_str" : "168549151",
            "id" : "168549151"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "139"
      ],
      "favorite_count" : "0",
      "id_str" : "325297771325693963",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325297771325693963",
      "created_at" : "Fri Apr 19 17:20:07 +0000 2013",
      "favorited" : false,
      "full_text" : "RT @hugo_m: 19 h 16. Saint-Sulpice, sur les marches de l'église. La cloche sonne le quart. Un pigeon s'envole, les autres restent. #jdtap 😊",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325292811846660102"
          ],
          "editableUntil" : "2013-04-19T17:30:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "62",
              "68"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "68"
      ],
      "favorite_count" : "1",
      "id_str" : "325292811846660102",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325292811846660102",
      "created_at" : "Fri Apr 19 17:00:24 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 19 h : Lumière rasante, dorée sur les façades ; 13 °C. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325289178396397568"
          ],
          "editableUntil" : "2013-04-19T17:15:58.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "61",
              "67"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Paul Vidal",
            "screen_name" : "paulvidal",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "1168163785",
            "id" : "1168163785"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "0",
      "id_str" : "325289178396397568",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325289178396397568",
      "created_at" : "Fri Apr 19 16:45:58 +0000 2013",
      "favorited" : false,
      "full_text" : "@paulvidal Oui, toutes les notes de la journée sont gardées. #jdtap",
      "lang" : "fr",
      "in_reply_to_status_id_str" : "325287854287056897",
      "in_reply_to_status_id" : "325287854287056897",
      "in_reply_to_user_id" : "1168163785",
      "in_reply_to_user_id_str" : "1168163785",
      "in_reply_to_screen_name" : "paulvidal"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325285785231204357"
          ],
          "editableUntil" : "2013-04-19T17:02:29.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "48",
              "54"
            ]
          },
          {
            "text" : "placedutertre",
            "indices" : [
              "55",
              "69"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325285785231204357/photo/1",
            "indices" : [
              "70",
              "93"
            ],
            "url" : "https://t.co/elMEIykOlp",
            "media_url" : "http://pbs.twimg.com/media/BIZl7hJOxFAAp2i.jpg",
            "id_str" : "325285456042151944",
            "id" : "325285456042151944",
            "media_url_https" : "https://pbs.twimg.com/media/BIZl7hJOxFAAp2i.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/elMEIykOlp"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "69"
      ],
      "favorite_count" : "0",
      "id_str" : "325285785231204357",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325285785231204357",
      "created_at" : "Fri Apr 19 16:32:29 +0000 2013",
      "favorited" : false,
      "full_text" : "Place du Tertre, les chevalets sous les arbres. #jdtap #placedutertre https://t.co/elMEIykOlp",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325285785231204357/photo/1",
            "indices" : [
              "70",
              "93"
            ],
            "url" : "https://t.co/elMEIykOlp",
            "media_url" : "http://pbs.twimg.com/media/BIZl7hJOxFAAp2i.jpg",
            "id_str" : "325285456042151944",
            "id" : "325285456042151944",
            "media_url_https" : "https://pbs.twimg.com/media/BIZl7hJOxFAAp2i.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/elMEIykOlp"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325285241904734210"
          ],
          "editableUntil" : "2013-04-19T17:00:19.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "89",
              "95"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/C39B9bYZ2A",
            "expanded_url" : "https://jdtap.fr/lecture",
            "display_url" : "jdtap.fr/lecture",
            "indices" : [
              "65",
              "88"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "95"
      ],
      "favorite_count" : "0",
      "id_str" : "325285241904734210",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325285241904734210",
      "created_at" : "Fri Apr 19 16:30:19 +0000 2013",
      "favorited" : false,
      "full_text" : "Ce soir, lecture des plus belles notes à l'Hôtel de Ville, 21 h. https://t.co/C39B9bYZ2A #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325277816613498890"
          ],
          "editableUntil" : "2013-04-19T16:30:49.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "73",
              "79"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "79"
      ],
      "favorite_count" : "2",
      "id_str" : "325277816613498890",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325277816613498890",
      "created_at" : "Fri Apr 19 16:00:49 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 18 h : Éclaircies, nuages effilochés ; 14 °C ; le vent est tombé. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325268127719399431"
          ],
          "editableUntil" : "2013-04-19T15:52:19.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "57",
              "63"
            ]
          },
          {
            "text" : "placedesvosges",
            "indices" : [
              "64",
              "79"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325268127719399431/photo/1",
            "indices" : [
              "80",
              "103"
            ],
            "url" : "https://t.co/caLqV8LXsJ",
            "media_url" : "http://pbs.twimg.com/media/BIe7HAHVSBAA0aJ.jpg",
            "id_str" : "325267920904904713",
            "id" : "325267920904904713",
            "media_url_https" : "https://pbs.twimg.com/media/BIe7HAHVSBAA0aJ.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/caLqV8LXsJ"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "79"
      ],
      "favorite_count" : "1",
      "id_str" : "325268127719399431",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325268127719399431",
      "created_at" : "Fri Apr 19 15:22:19 +0000 2013",
      "favorited" : false,
      "full_text" : "Place des Vosges, les tilleuls attendent leurs feuilles. #jdtap #placedesvosges https://t.co/caLqV8LXsJ",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325268127719399431/photo/1",
            "indices" : [
              "80",
              "103"
            ],
            "url" : "https://t.co/caLqV8LXsJ",
            "media_url" : "http://pbs.twimg.com/media/BIe7HAHVSBAA0aJ.jpg",
            "id_str" : "325267920904904713",
            "id" : "325267920904904713",
            "media_url_https" : "https://pbs.twimg.com/media/BIe7HAHVSBAA0aJ.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/caLqV8LXsJ"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325262567161339917"
          ],
          "editableUntil" : "2013-04-19T15:30:13.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "79",
              "85"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "85"
      ],
      "favorite_count" : "0",
      "id_str" : "325262567161339917",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325262567161339917",
      "created_at" : "Fri Apr 19 15:00:13 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 17 h : Après la pluie, une lumière lavée ; 14 °C ; des flaques partout. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325260240200286210"
          ],
          "editableUntil" : "2013-04-19T15:20:58.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "40",
              "46"
            ]
          },
          {
            "text" : "hoteldeville",
            "indices" : [
              "47",
              "60"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325260240200286210/photo/1",
            "indices" : [
              "61",
              "84"
            ],
            "url" : "https://t.co/HiRi6l2ppM",
            "media_url" : "http://pbs.twimg.com/media/BIW0YHzHkZAAPr0.jpg",
            "id_str" : "325260026144235532",
            "id" : "325260026144235532",
            "media_url_https" : "https://pbs.twimg.com/media/BIW0YHzHkZAAPr0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/HiRi6l2ppM"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "0",
      "id_str" : "325260240200286210",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325260240200286210",
      "created_at" : "Fri Apr 19 14:50:58 +0000 2013",
      "favorited" : false,
      "full_text" : "Hôtel de Ville, l'horloge et le parvis. #jdtap #hoteldeville https://t.co/HiRi6l2ppM",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325260240200286210/photo/1",
            "indices" : [
              "61",
              "84"
            ],
            "url" : "https://t.co/HiRi6l2ppM",
            "media_url" : "http://pbs.twimg.com/media/BIW0YHzHkZAAPr0.jpg",
            "id_str" : "325260026144235532",
            "id" : "325260026144235532",
            "media_url_https" : "https://pbs.twimg.com/media/BIW0YHzHkZAAPr0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/HiRi6l2ppM"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325255086834397199"
          ],
          "editableUntil" : "2013-04-19T15:00:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "87",
              "93"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/UabzfPRVri",
            "expanded_url" : "https://jdtap.fr/regles",
            "display_url" : "jdtap.fr/regles",
            "indices" : [
              "63",
              "86"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "93"
      ],
      "favorite_count" : "0",
      "id_str" : "325255086834397199",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325255086834397199",
      "created_at" : "Fri Apr 19 14:30:30 +0000 2013",
      "favorited" : false,
      "full_text" : "Merci d'écrire en français, en peu de mots, ce que vous voyez. https://t.co/UabzfPRVri #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325247513866166282"
          ],
          "editableUntil" : "2013-04-19T14:30:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "79",
              "85"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "85"
      ],
      "favorite_count" : "0",
      "id_str" : "325247513866166282",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325247513866166282",
      "created_at" : "Fri Apr 19 14:00:24 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 16 h : Averse à 16 h 10, brève et drue ; 13 °C ; odeur de pavé mouillé. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325243841207930884"
          ],
          "editableUntil" : "2013-04-19T14:15:49.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "69",
              "75"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Thibaut Fabre",
            "screen_name" : "thibaut_f",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "330355938",
            "id" : "330355938"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "75"
      ],
      "favorite_count" : "1",
      "id_str" : "325243841207930884",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "325243841207930884",
      "created_at" : "Fri Apr 19 13:45:49 +0000 2013",
      "favorited" : false,
      "full_text" : "@thibaut_f Bonne question : les crieurs lisent à chaque heure ronde. #jdtap",
      "lang" : "fr",
      "in_reply_to_status_id_str" : "325242598245199876",
      "in_reply_to_status_id" : "325242598245199876",
      "in_reply_to_user_id" : "330355938",
      "in_reply_to_user_id_str" : "330355938",
      "in_reply_to_screen_name" : "thibaut_f"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325237527184523276"
          ],
          "editableUntil" : "2013-04-19T13:50:43.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "133",
              "139"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Jérôme Hamon",
            "screen_name" : "jerome_h",
            "indices" : [
              "3",
              "12"
            ],
            "id_str" : "682063273",
            "id" : "682063273"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "139"
      ],
      "favorite_count" : "0",
      "id_str" : "325237527184523276",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325237527184523276",
      "created_at" : "Fri Apr 19 13:20:43 +0000 2013",
      "favorited" : false,
      "full_text" : "RT @jerome_h: 15 h 15. Place des Vosges, un banc près de la fontaine. Les tilleuls taillés au carré n'ont pas encore leurs feuilles. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325235314371981312"
          ],
          "editableUntil" : "2013-04-19T13:41:56.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "50",
              "56"
            ]
          },
          {
            "text" : "hoteldeville",
            "indices" : [
              "57",
              "70"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325235314371981312/photo/1",
            "indices" : [
              "71",
              "94"
            ],
            "url" : "https://t.co/pM1AtuDD0h",
            "media_url" : "http://pbs.twimg.com/media/BIcNHqxdbQAADpj.jpg",
            "id_str" : "325234953270554638",
            "id" : "325234953270554638",
            "media_url_https" : "https://pbs.twimg.com/media/BIcNHqxdbQAADpj.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/pM1AtuDD0h"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "70"
      ],
      "favorite_count" : "0",
      "id_str" : "325235314371981312",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325235314371981312",
      "created_at" : "Fri Apr 19 13:11:56 +0000 2013",
      "favorited" : false,
      "full_text" : "Parvis de l'Hôtel de Ville : les vrais habitants. #jdtap #hoteldeville https://t.co/pM1AtuDD0h",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325235314371981312/photo/1",
            "indices" : [
              "71",
              "94"
            ],
            "url" : "https://t.co/pM1AtuDD0h",
            "media_url" : "http://pbs.twimg.com/media/BIcNHqxdbQAADpj.jpg",
            "id_str" : "325234953270554638",
            "id" : "325234953270554638",
            "media_url_https" : "https://pbs.twimg.com/media/BIcNHqxdbQAADpj.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/pM1AtuDD0h"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325232519744876557"
          ],
          "editableUntil" : "2013-04-19T13:30:49.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "72",
              "78"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "78"
      ],
      "favorite_count" : "0",
      "id_str" : "325232519744876557",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325232519744876557",
      "created_at" : "Fri Apr 19 13:00:49 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 15 h : Le ciel se couvre par l'ouest ; 16 °C ; le vent fraîchit. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325224918501486597"
          ],
          "editableUntil" : "2013-04-19T13:00:37.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "79",
              "85"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/zJZkvezwZM",
            "expanded_url" : "https://jdtap.fr/livre",
            "display_url" : "jdtap.fr/livre",
            "indices" : [
              "55",
              "78"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "85"
      ],
      "favorite_count" : "1",
      "id_str" : "325224918501486597",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325224918501486597",
      "created_at" : "Fri Apr 19 12:30:37 +0000 2013",
      "favorited" : false,
      "full_text" : "Vos notes seront gardées dans un livre. Le programme : https://t.co/zJZkvezwZM #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325221582750822405"
          ],
          "editableUntil" : "2013-04-19T12:47:22.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "42",
              "48"
            ]
          },
          {
            "text" : "republique",
            "indices" : [
              "49",
              "60"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325221582750822405/photo/1",
            "indices" : [
              "61",
              "84"
            ],
            "url" : "https://t.co/uRsJQUzxQv",
            "media_url" : "http://pbs.twimg.com/media/BIIvzd15t1AA8g7.jpg",
            "id_str" : "325221423445291022",
            "id" : "325221423445291022",
            "media_url_https" : "https://pbs.twimg.com/media/BIIvzd15t1AA8g7.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/uRsJQUzxQv"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "1",
      "id_str" : "325221582750822405",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325221582750822405",
      "created_at" : "Fri Apr 19 12:17:22 +0000 2013",
      "favorited" : false,
      "full_text" : "Place de la République, l'averse de 16 h. #jdtap #republique https://t.co/uRsJQUzxQv",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325221582750822405/photo/1",
            "indices" : [
              "61",
              "84"
            ],
            "url" : "https://t.co/uRsJQUzxQv",
            "media_url" : "http://pbs.twimg.com/media/BIIvzd15t1AA8g7.jpg",
            "id_str" : "325221423445291022",
            "id" : "325221423445291022",
            "media_url_https" : "https://pbs.twimg.com/media/BIIvzd15t1AA8g7.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/uRsJQUzxQv"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325217392367898628"
          ],
          "editableUntil" : "2013-04-19T12:30:43.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "80",
              "86"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "86"
      ],
      "favorite_count" : "0",
      "id_str" : "325217392367898628",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325217392367898628",
      "created_at" : "Fri Apr 19 12:00:43 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 14 h : Soleil sous un voile léger ; 16 °C ; le vent tourne au sud-ouest. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325210016390836224"
          ],
          "editableUntil" : "2013-04-19T12:01:24.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "46",
              "52"
            ]
          },
          {
            "text" : "republique",
            "indices" : [
              "53",
              "64"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325210016390836224/photo/1",
            "indices" : [
              "65",
              "88"
            ],
            "url" : "https://t.co/qX0i5T1om5",
            "media_url" : "http://pbs.twimg.com/media/BIeCk5jwy6AAlcO.jpg",
            "id_str" : "325209869260460041",
            "id" : "325209869260460041",
            "media_url_https" : "https://pbs.twimg.com/media/BIeCk5jwy6AAlcO.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/qX0i5T1om5"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "64"
      ],
      "favorite_count" : "0",
      "id_str" : "325210016390836224",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325210016390836224",
      "created_at" : "Fri Apr 19 11:31:24 +0000 2013",
      "favorited" : false,
      "full_text" : "République, Marianne derrière ses palissades. #jdtap #republique https://t.co/qX0i5T1om5",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325210016390836224/photo/1",
            "indices" : [
              "65",
              "88"
            ],
            "url" : "https://t.co/qX0i5T1om5",
            "media_url" : "http://pbs.twimg.com/media/BIeCk5jwy6AAlcO.jpg",
            "id_str" : "325209869260460041",
            "id" : "325209869260460041",
            "media_url_https" : "https://pbs.twimg.com/media/BIeCk5jwy6AAlcO.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/qX0i5T1om5"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325202244258828293"
          ],
          "editableUntil" : "2013-04-19T11:30:31.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "58",
              "64"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "64"
      ],
      "favorite_count" : "0",
      "id_str" : "325202244258828293",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325202244258828293",
      "created_at" : "Fri Apr 19 11:00:31 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 13 h : Soleil franc ; 15 °C ; on ouvre les vestes. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325198774238867469"
          ],
          "editableUntil" : "2013-04-19T11:16:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "44",
              "50"
            ]
          },
          {
            "text" : "bastille",
            "indices" : [
              "51",
              "60"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325198774238867469/photo/1",
            "indices" : [
              "61",
              "84"
            ],
            "url" : "https://t.co/8r1eJryMo7",
            "media_url" : "http://pbs.twimg.com/media/BIg-P7dwzWAAbe0.jpg",
            "id_str" : "325198446659981324",
            "id" : "325198446659981324",
            "media_url_https" : "https://pbs.twimg.com/media/BIg-P7dwzWAAbe0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8r1eJryMo7"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "0",
      "id_str" : "325198774238867469",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325198774238867469",
      "created_at" : "Fri Apr 19 10:46:44 +0000 2013",
      "favorited" : false,
      "full_text" : "Bastille, les toits vus du cinquième étage. #jdtap #bastille https://t.co/8r1eJryMo7",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325198774238867469/photo/1",
            "indices" : [
              "61",
              "84"
            ],
            "url" : "https://t.co/8r1eJryMo7",
            "media_url" : "http://pbs.twimg.com/media/BIg-P7dwzWAAbe0.jpg",
            "id_str" : "325198446659981324",
            "id" : "325198446659981324",
            "media_url_https" : "https://pbs.twimg.com/media/BIg-P7dwzWAAbe0.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/8r1eJryMo7"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325198408133021698"
          ],
          "editableUntil" : "2013-04-19T11:15:17.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "68",
              "74"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Hélène Bérard",
            "screen_name" : "heleneb",
            "indices" : [
              "0",
              "8"
            ],
            "id_str" : "566639344",
            "id" : "566639344"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "3",
      "id_str" : "325198408133021698",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325198408133021698",
      "created_at" : "Fri Apr 19 10:45:17 +0000 2013",
      "favorited" : false,
      "full_text" : "@heleneb Merci pour cette belle note, elle sera lue tout à l'heure. #jdtap",
      "lang" : "fr",
      "in_reply_to_status_id_str" : "325198314702659588",
      "in_reply_to_status_id" : "325198314702659588",
      "in_reply_to_user_id" : "566639344",
      "in_reply_to_user_id_str" : "566639344",
      "in_reply_to_screen_name" : "heleneb"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325194588338515970"
          ],
          "editableUntil" : "2013-04-19T11:00:06.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "72",
              "78"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/mAwM3auQNr",
            "expanded_url" : "https://fr.wikipedia.org/wiki/Tentative_d%27%C3%A9puisement_d%27un_lieu_parisien",
            "display_url" : "fr.wikipedia.org/wiki/Tent…",
            "indices" : [
              "48",
              "71"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "78"
      ],
      "favorite_count" : "3",
      "id_str" : "325194588338515970",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325194588338515970",
      "created_at" : "Fri Apr 19 10:30:06 +0000 2013",
      "favorited" : false,
      "full_text" : "Pour relire le texte de Perec avant de sortir : https://t.co/mAwM3auQNr #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325187124915585030"
          ],
          "editableUntil" : "2013-04-19T10:30:26.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "83",
              "89"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "89"
      ],
      "favorite_count" : "12",
      "id_str" : "325187124915585030",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325187124915585030",
      "created_at" : "Fri Apr 19 10:00:26 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 12 h : Ciel bleu lavé, grands cumulus blancs ; 14 °C ; vent faible d'ouest. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325174709641887748"
          ],
          "editableUntil" : "2013-04-19T09:41:06.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "39",
              "45"
            ]
          },
          {
            "text" : "bastille",
            "indices" : [
              "46",
              "55"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325174709641887748/photo/1",
            "indices" : [
              "56",
              "79"
            ],
            "url" : "https://t.co/VsVddl75ab",
            "media_url" : "http://pbs.twimg.com/media/BIg3l3-iBFAA9RR.jpg",
            "id_str" : "325174475048546311",
            "id" : "325174475048546311",
            "media_url_https" : "https://pbs.twimg.com/media/BIg3l3-iBFAA9RR.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/VsVddl75ab"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "55"
      ],
      "favorite_count" : "0",
      "id_str" : "325174709641887748",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325174709641887748",
      "created_at" : "Fri Apr 19 09:11:06 +0000 2013",
      "favorited" : false,
      "full_text" : "Place de la Bastille, le Génie brille. #jdtap #bastille https://t.co/VsVddl75ab",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325174709641887748/photo/1",
            "indices" : [
              "56",
              "79"
            ],
            "url" : "https://t.co/VsVddl75ab",
            "media_url" : "http://pbs.twimg.com/media/BIg3l3-iBFAA9RR.jpg",
            "id_str" : "325174475048546311",
            "id" : "325174475048546311",
            "media_url_https" : "https://pbs.twimg.com/media/BIg3l3-iBFAA9RR.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/VsVddl75ab"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325172018889109512"
          ],
          "editableUntil" : "2013-04-19T09:30:25.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "95",
              "101"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "101"
      ],
      "favorite_count" : "0",
      "id_str" : "325172018889109512",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325172018889109512",
      "created_at" : "Fri Apr 19 09:00:25 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 11 h : Première éclaircie vers 11 h 20 ; 12 °C ; les ombres reviennent sur les façades. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325164391324684296"
          ],
          "editableUntil" : "2013-04-19T09:00:06.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "71",
              "77"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/9pjamHLown",
            "expanded_url" : "https://jdtap.fr/carte",
            "display_url" : "jdtap.fr/carte",
            "indices" : [
              "47",
              "70"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "77"
      ],
      "favorite_count" : "0",
      "id_str" : "325164391324684296",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325164391324684296",
      "created_at" : "Fri Apr 19 08:30:06 +0000 2013",
      "favorited" : false,
      "full_text" : "Où sont les crieurs ? La carte de la journée : https://t.co/9pjamHLown #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325156987805913102"
          ],
          "editableUntil" : "2013-04-19T08:30:41.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "61",
              "67"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "3",
      "id_str" : "325156987805913102",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325156987805913102",
      "created_at" : "Fri Apr 19 08:00:41 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 10 h : Nuages bas qui se défont par endroits ; 11 °C. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325152302248476673"
          ],
          "editableUntil" : "2013-04-19T08:12:04.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "40",
              "46"
            ]
          },
          {
            "text" : "saintsulpice",
            "indices" : [
              "47",
              "60"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325152302248476673/photo/1",
            "indices" : [
              "61",
              "84"
            ],
            "url" : "https://t.co/myOXOdxqTH",
            "media_url" : "http://pbs.twimg.com/media/BIzyEYy29KAAat7.jpg",
            "id_str" : "325152002510053384",
            "id" : "325152002510053384",
            "media_url_https" : "https://pbs.twimg.com/media/BIzyEYy29KAAat7.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/myOXOdxqTH"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "0",
      "id_str" : "325152302248476673",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325152302248476673",
      "created_at" : "Fri Apr 19 07:42:04 +0000 2013",
      "favorited" : false,
      "full_text" : "Saint-Sulpice : le 96, fidèle au poste. #jdtap #saintsulpice https://t.co/myOXOdxqTH",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325152302248476673/photo/1",
            "indices" : [
              "61",
              "84"
            ],
            "url" : "https://t.co/myOXOdxqTH",
            "media_url" : "http://pbs.twimg.com/media/BIzyEYy29KAAat7.jpg",
            "id_str" : "325152002510053384",
            "id" : "325152002510053384",
            "media_url_https" : "https://pbs.twimg.com/media/BIzyEYy29KAAat7.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/myOXOdxqTH"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325141859917447182"
          ],
          "editableUntil" : "2013-04-19T07:30:34.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "62",
              "68"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "68"
      ],
      "favorite_count" : "2",
      "id_str" : "325141859917447182",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325141859917447182",
      "created_at" : "Fri Apr 19 07:00:34 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 9 h : La bruine cesse ; 10 °C ; un vent léger d'ouest. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325134241661644809"
          ],
          "editableUntil" : "2013-04-19T07:00:18.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "129",
              "135"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/AXoHGr8Ylm",
            "expanded_url" : "https://jdtap.fr/crieurs",
            "display_url" : "jdtap.fr/crieurs",
            "indices" : [
              "105",
              "128"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "135"
      ],
      "favorite_count" : "1",
      "id_str" : "325134241661644809",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325134241661644809",
      "created_at" : "Fri Apr 19 06:30:18 +0000 2013",
      "favorited" : false,
      "full_text" : "Les crieurs lisent vos notes à chaque heure ronde : Saint-Sulpice, Bastille, République, Hôtel de Ville. https://t.co/AXoHGr8Ylm #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325126650690613250"
          ],
          "editableUntil" : "2013-04-19T06:30:08.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "93",
              "99"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "99"
      ],
      "favorite_count" : "1",
      "id_str" : "325126650690613250",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325126650690613250",
      "created_at" : "Fri Apr 19 06:00:08 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 8 h : Gris uniforme ; 9 °C ; une bruine si fine qu'on ne la voit que dans les phares. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325115521986420736"
          ],
          "editableUntil" : "2013-04-19T05:45:55.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "49",
              "55"
            ]
          },
          {
            "text" : "saintsulpice",
            "indices" : [
              "56",
              "69"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325115521986420736/photo/1",
            "indices" : [
              "70",
              "93"
            ],
            "url" : "https://t.co/tz7t6Hgtgf",
            "media_url" : "http://pbs.twimg.com/media/BIXMn3jDJlAAZB1.jpg",
            "id_str" : "325115190316990479",
            "id" : "325115190316990479",
            "media_url_https" : "https://pbs.twimg.com/media/BIXMn3jDJlAAZB1.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/tz7t6Hgtgf"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "69"
      ],
      "favorite_count" : "0",
      "id_str" : "325115521986420736",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325115521986420736",
      "created_at" : "Fri Apr 19 05:15:55 +0000 2013",
      "favorited" : false,
      "full_text" : "Place Saint-Sulpice, la fontaine au petit matin. #jdtap #saintsulpice https://t.co/tz7t6Hgtgf",
      "lang" : "fr",
      "possibly_sensitive" : false,
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jdtap_paris/status/325115521986420736/photo/1",
            "indices" : [
              "70",
              "93"
            ],
            "url" : "https://t.co/tz7t6Hgtgf",
            "media_url" : "http://pbs.twimg.com/media/BIXMn3jDJlAAZB1.jpg",
            "id_str" : "325115190316990479",
            "id" : "325115190316990479",
            "media_url_https" : "https://pbs.twimg.com/media/BIXMn3jDJlAAZB1.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "1800",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/tz7t6Hgtgf"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "325111634321080329"
          ],
          "editableUntil" : "2013-04-19T05:30:28.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "91",
              "97"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "0",
      "id_str" : "325111634321080329",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "325111634321080329",
      "created_at" : "Fri Apr 19 05:00:28 +0000 2013",
      "favorited" : false,
      "full_text" : "Temps, 7 h : Ciel gris perle ; 8 °C ; pas de vent. Les trottoirs sont mouillés de la nuit. #jdtap",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "324560387054370825"
          ],
          "editableUntil" : "2013-04-17T17:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "jdtap",
            "indices" : [
              "58",
              "64"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "3",
      "id_str" : "324560387054370825",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "324560387054370825",
      "created_at" : "Wed Apr 17 16:30:00 +0000 2013",
      "favorited" : false,
      "full_text" : "Vendredi, notez ce qui passe sous vos yeux, à Paris, avec #jdtap. Les crieurs vous liront.",
      "lang" : "fr"
    }
  }
]