window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "bonjour@jdtap.example",
      "createdVia" : "web",
      "username" : "jdtap_paris",
      "accountId" : "1302144751",
      "createdAt" : "2013-03-27T10:12:45.000Z",
      "accountDisplayName" : "Un jour de tweets à Paris"
    }
  }
]