window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "1302144751",
    "userName" : "jdtap_paris",
    "displayName" : "Un jour de tweets à Paris"
  },
  "archiveInfo" : {
    "sizeBytes" : "819049",
    "generationDate" : "2023-02-11T10:04:31.000Z",
    "isPartialArchive" : false,
    "maxPartSizeBytes" : "53687091200"
  },
  "readmeInfo" : {
    "fileName" : "data/README.txt",
    "directory" : "data/",
    "name" : "README.txt"
  },
  "dataTypes" : {
    "account" : {
      "files" : [
        {
          "fileName" : "data/account.js",
          "globalName" : "YTD.account.part0",
          "count" : "1"
        }
      ]
    },
    "tweets" : {
      "mediaDirectory" : "data/tweets_media",
      "files" : [
        {
          "fileName" : "data/tweets.js",
          "globalName" : "YTD.tweets.part0",
          "count" : "42"
        }
      ]
    }
  }
}